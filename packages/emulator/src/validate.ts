// Hand-written field checks for request bodies and queries; every failure is a 400 in Lava's shape.
import { badRequest } from './http';
import { parseMoney } from './money';

type Body = Record<string, unknown>;

function invalid(key: string, rule: string): never {
  throw badRequest(`Invalid params: ${key} ${rule}`, 'invalid_params');
}

export function requireString(body: Body, key: string, max = 255): string {
  const value = body[key];
  if (value === undefined || value === null) invalid(key, 'is required');
  if (typeof value !== 'string') invalid(key, 'must be a string');
  if (value.length === 0) invalid(key, 'must not be empty');
  if (value.length > max) invalid(key, `must be at most ${max} characters`);
  return value;
}

export function optionalString(body: Body, key: string, max = 255): string | undefined {
  if (body[key] === undefined) return undefined;
  return requireString(body, key, max);
}

/** undefined = absent, null = clear, else the string. */
export function nullableString(body: Body, key: string, max = 255): string | null | undefined {
  if (body[key] === null) return null;
  return optionalString(body, key, max);
}

export function requireEnum<const T extends string>(body: Body, key: string, values: readonly T[]): T {
  const value = body[key];
  if (value === undefined || value === null) invalid(key, 'is required');
  if (typeof value !== 'string' || !values.includes(value as T))
    invalid(key, `must be one of ${values.join(', ')}`);
  return value as T;
}

export function optionalEnum<const T extends string>(
  body: Body,
  key: string,
  values: readonly T[],
): T | undefined {
  if (body[key] === undefined) return undefined;
  return requireEnum(body, key, values);
}

export interface DecimalRule {
  min?: bigint;
  max?: bigint;
}

/** A decimal string (numbers are accepted too, as some clients send them). */
export function requireDecimal(body: Body, key: string, rule: DecimalRule = {}): bigint {
  const value = body[key];
  if (value === undefined || value === null) invalid(key, 'is required');
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') invalid(key, 'must be a decimal string such as "25.00"');
  const amount = parseMoney(text);
  if (amount === undefined) invalid(key, 'must be a decimal string such as "25.00"');
  if (rule.min !== undefined && amount < rule.min) invalid(key, 'is below the minimum');
  if (rule.max !== undefined && amount > rule.max) invalid(key, 'is above the maximum');
  return amount;
}

export function optionalDecimal(body: Body, key: string, rule: DecimalRule = {}): bigint | undefined {
  if (body[key] === undefined) return undefined;
  return requireDecimal(body, key, rule);
}

export function optionalNumber(
  body: Body,
  key: string,
  options: { min?: number; integer?: boolean } = {},
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(key, 'must be a number');
  if (options.integer && !Number.isInteger(value)) invalid(key, 'must be an integer');
  if (options.min !== undefined && value < options.min) invalid(key, `must be at least ${options.min}`);
  return value;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') invalid(key, 'must be a boolean');
  return value;
}

export function optionalStringArray(body: Body, key: string): string[] | null | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0)) {
    invalid(key, 'must be an array of non-empty strings');
  }
  return value as string[];
}

export function isPlainObject(value: unknown): value is Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function requireObject(value: unknown, key: string): Body {
  if (!isPlainObject(value)) invalid(key, 'must be an object');
  return value;
}

/** Customer metadata: a free-form object of at most 16 KB serialized (lava-api.md §2.2). */
export function customerMetadata(body: Body, key = 'metadata'): Body | null | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!isPlainObject(value)) invalid(key, 'must be an object');
  if (JSON.stringify(value).length > 16_384) invalid(key, 'must be at most 16 KB once serialized');
  return value;
}

const METADATA_KEY = /^[A-Za-z0-9_]+$/;

/** Request metadata: ≤100 string pairs, 1–255 chars, keys of letters, digits and underscores (§3.5). */
export function requestMetadata(value: unknown, key = 'metadata'): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) invalid(key, 'must be an object of string values');
  const entries = Object.entries(value);
  if (entries.length > 100) invalid(key, 'must have at most 100 pairs');
  for (const [k, v] of entries) {
    if (!METADATA_KEY.test(k) || k.length > 255)
      invalid(`${key}.${k}`, 'key must be 1–255 ASCII letters, digits or underscores');
    if (typeof v !== 'string' || v.length === 0 || v.length > 255)
      invalid(`${key}.${k}`, 'must be a string of 1–255 characters');
  }
  return value as Record<string, string>;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const E164 = /^\+[1-9]\d{1,14}$/;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
