import { err, ok, type Result } from 'neverthrow';
import type { BaseIssue, GenericSchema, InferOutput } from 'valibot';
import { safeParse } from 'valibot';
import { redact } from './credentials';
import { invalidResponse, issueError, type LavaError, type LavaIssue, type ResponseOrigin } from './errors';
import type { Scrub } from './scrub';

/**
 * Turns valibot issues into plain `{ path, message }` pairs, the path dotted (`tiers.0.start`). Messages
 * quote the values received, so a response's go through its call's scrubber.
 */
export function toIssues(issues: readonly BaseIssue<unknown>[], scrub?: Scrub): LavaIssue[] {
  return issues.map((issue) => ({
    path: issue.path?.map((item) => String(item.key)).join('.') ?? '',
    message: scrub ? scrub(issue.message, 1_000) : redact(issue.message),
  }));
}

/** Validates a function's params; failure is an `invalid_params` error, so no request is sent. */
export function parseParams<S extends GenericSchema>(
  schema: S,
  input: unknown,
): Result<InferOutput<S>, LavaError> {
  let result: ReturnType<typeof safeParse<S>>;
  try {
    result = safeParse(schema, input);
  } catch (cause) {
    // A check that serialises the value (metadata size) throws on a BigInt, a cycle or a huge nesting.
    return err(issueError([{ path: '', message: `cannot be checked (${(cause as Error)?.message})` }]));
  }
  return result.success ? ok(result.output) : err(issueError(toIssues(result.issues)));
}

/** A 2xx body read against its schema: see {@link checkBody}. */
export interface CheckedBody {
  /** The value to return: the body as sent, a documented-nullable field that is absent read as null. */
  readonly value?: unknown;
  /** How the body differs from the schema; absent when it matches. */
  readonly issues?: LavaIssue[];
  /**
   * The `invalid_response` error of this body, when there are issues: what `strict` returns, and what both
   * modes return when there is no usable `value` (not JSON, no object root, a list without a `data` array).
   * It keeps the body (see InvalidResponseError).
   */
  readonly error?: LavaError;
}

/** The parts of a valibot schema that {@link compile} reads. */
interface Node {
  type: string;
  pipe?: unknown;
  entries?: Record<string, Node>;
  wrapped?: Node;
  item?: Node;
  default?: unknown;
  check?: (value: unknown) => boolean;
}

/** Whether a value matches a schema; see {@link checkerOf}. */
type Check = (value: unknown) => boolean;

// Each response schema's check, built on its first response: a walk that read the schema objects at
// every call cost more than the check itself (their many shapes make every property read slow).
const checks = new WeakMap<object, Check>();
const never: Check = () => false;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * The check of `schema`: whether a value matches it, read where it lies. Nothing is copied, and an absent
 * field whose schema has a default (a documented-nullable one: null) gets it, on the value itself. It reads
 * the kinds of schema responses are made of, with valibot's own rules; on any other (a pipe, a union, a
 * literal, a function default) it answers false, and valibot's own pass decides.
 */
function checkerOf(schema: Node): Check {
  let check = checks.get(schema);
  if (!check) {
    check = compile(schema);
    checks.set(schema, check);
  }
  return check;
}

function compile(schema: Node): Check {
  const { type, wrapped, item, entries } = schema;
  if (schema.pipe) return never;
  // JSON has no NaN, the one number valibot's `number` refuses.
  if (type === 'string' || type === 'number' || type === 'boolean') return (value) => typeof value === type;
  if (type === 'custom') return (value) => !!schema.check!(value);
  if (wrapped && typeof schema.default !== 'function') {
    const inner = checkerOf(wrapped);
    // `nullable` takes null, `optional` absence, `nullish` both; a default replaces either (see below).
    return (value) =>
      value == null
        ? type === 'nullish' || type === (value === null ? 'nullable' : 'optional')
        : inner(value);
  }
  if (type === 'array') {
    const check = checkerOf(item!);
    return (value) => Array.isArray(value) && value.every(check);
  }
  if (type === 'loose_object') {
    const fields = Object.entries(entries!).map(([key, entry]) => [key, checkerOf(entry), entry] as const);
    // Valibot's pass copies what this cannot keep as it is: an array (a loose object to valibot, copied into
    // a plain one) and the keys it leaves out of a copy, lest they reach a prototype.
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const object = value as Record<string, unknown>;
      for (const key of UNSAFE_KEYS)
        if (Object.hasOwn(object, key) && !Object.hasOwn(entries!, key)) return false;
      for (const [key, check, entry] of fields) {
        if (!check(object[key]) || !(key in object || entry.wrapped)) return false;
        if (object[key] == null && entry.default !== undefined) object[key] = entry.default;
      }
      return true;
    };
  }
  return never;
}

/**
 * Reads a 2xx body: `JSON.parse` once, then one walk of the schema over the parsed value, in place (see
 * {@link checkerOf}); only a body that differs gets valibot's pass, which reports each issue rather than
 * throwing. The value is the body as sent, every field kept, an absent nullable field read as null,
 * whenever the body is usable: JSON with an object root, and for a list a `data` array. `scrub` masks the
 * call's credentials in issue messages (which quote values received) and, by value only, in the body kept
 * on the error.
 */
export function checkBody(
  schema: GenericSchema,
  text: string,
  origin: ResponseOrigin,
  scrub: Scrub,
): CheckedBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const message = json === undefined ? 'body is not JSON' : 'body is not a JSON object';
    return failed([{ path: '', message }], origin, text, scrub, json !== undefined);
  }
  if (checkerOf(schema as Node)(json)) return { value: json };
  // It differs (or the check could not tell): valibot's pass says how, and builds the value.
  const result = safeParse(schema, json);
  if (result.success) return { value: result.output };
  const checked = failed(toIssues(result.issues, scrub), origin, text, scrub, true);
  // A page without its items cannot be read, whatever the mode.
  const list = (schema as Node).entries?.data?.type === 'array';
  return list && !Array.isArray((json as { data?: unknown }).data)
    ? checked
    : { ...checked, value: result.output };
}

/**
 * The issues of a 2xx body and its error, which keeps the body: as received, but for the call's own
 * credential values (the key it sent), masked should a server echo them. A new key Lava returns is kept.
 */
function failed(issues: LavaIssue[], origin: ResponseOrigin, text: string, scrub: Scrub, parsed: boolean) {
  const rawBody = scrub(text, Number.POSITIVE_INFINITY, true);
  let body: unknown;
  try {
    // Parsed again: the first parse may hold defaults by now, and the error keeps what was sent.
    if (parsed) body = JSON.parse(rawBody);
  } catch {}
  return { issues, error: issueError(issues, origin, body === undefined ? { rawBody } : { body, rawBody }) };
}

/**
 * Parses a 2xx body as JSON; a body that is not JSON is an `invalid_response` error. Given the call's
 * `scrub`, the error keeps the text as `rawBody`, the call's own credential values masked.
 */
export function parseJsonBody(
  text: string,
  status: number,
  requestId?: string,
  scrub?: Scrub,
): Result<unknown, LavaError> {
  try {
    return ok(JSON.parse(text));
  } catch {
    return err(
      invalidResponse('body is not JSON', status, requestId, scrub?.(text, Number.POSITIVE_INFINITY, true)),
    );
  }
}
