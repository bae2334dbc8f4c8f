import type { LavaIssue } from '@lava-sdk/core';
import { lavaError } from '@lava-sdk/core/internal';
import type { ForwardTokenOptions } from './generateForwardToken';

/** The billing fields of a gateway call, as the official `gateway()` takes them. */
export interface BillingOptions {
  /** Customer to bill. Needs `meter_slug`: alone it is an `invalid_params` error. */
  customer_id?: string;
  /** Meter to price with: with `customer_id` the customer pays, alone the merchant pays ("meter-only"). */
  meter_slug?: string;
  /** Your own provider key (bring-your-own-key); Lava still meters. */
  provider_key?: string;
  /** With `customer_id` + `meter_slug`: charge the merchant, keep the customer's attribution. */
  disable_billing?: boolean;
  /**
   * Request metadata for Lava's request history, sent as the `x-lava-metadata` header (JSON).
   * Up to 100 pairs; keys 1–255 ASCII letters, digits or `_`; values strings of 1–255 characters.
   */
  metadata?: Record<string, string>;
}

const METADATA_KEY = /^[A-Za-z0-9_]{1,255}$/;
const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * Checks metadata and returns a plain copy of its own pairs, read once: what is serialised is what was
 * checked, and no getter, proxy or inherited `toJSON` can throw later. Undefined when it is invalid.
 */
export function checkMetadata(metadata: unknown, issues: LavaIssue[]): Record<string, string> | undefined {
  let entries: [string, unknown][] | undefined;
  try {
    if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
      entries = Object.entries(metadata);
    }
  } catch {} // a throwing getter or proxy trap: not an object of string values
  if (!entries) {
    issues.push({ path: 'metadata', message: 'must be an object of string values' });
    return undefined;
  }
  const before = issues.length;
  if (entries.length > 100) issues.push({ path: 'metadata', message: 'at most 100 pairs' });
  for (const [key, value] of entries) {
    if (!METADATA_KEY.test(key)) {
      issues.push({
        path: `metadata.${key}`,
        message: 'keys are 1-255 ASCII letters, digits or underscores',
      });
    }
    if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
      issues.push({ path: `metadata.${key}`, message: 'values are strings of 1-255 characters' });
    }
  }
  return issues.length === before ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
}

/** The `x-lava-metadata` value: header values must be Latin-1, so the rest is escaped as JSON `\uXXXX`. */
export function metadataHeader(metadata: Record<string, string>): string {
  return JSON.stringify(metadata).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Chooses the token's billing fields exactly as the official `gateway()` does. */
export function tokenOptions(o: BillingOptions, issues: LavaIssue[]): ForwardTokenOptions {
  const { customer_id, meter_slug, provider_key, disable_billing } = o;
  if (customer_id !== undefined && meter_slug !== undefined) {
    return { customer_id, meter_slug, provider_key, disable_billing };
  }
  if (meter_slug !== undefined) return { customer_id: null, meter_slug, provider_key };
  if (customer_id !== undefined) {
    issues.push({
      path: 'customer_id',
      message:
        'customer_id requires meter_slug: provide both for customer billing, or omit both for merchant billing',
    });
  }
  return { provider_key };
}

/** One `invalid_params` error listing every issue. */
export function invalidParams(issues: LavaIssue[]) {
  const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return lavaError('invalid_params', `Invalid params: ${text}`, { issues });
}
