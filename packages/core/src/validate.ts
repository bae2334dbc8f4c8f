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

/** True when the schema is of a list: an object whose `data` is a required array (`listOf`, `listModels`). */
function isList(schema: GenericSchema): boolean {
  return (schema as { entries?: { data?: { type?: string } } }).entries?.data?.type === 'array';
}

/**
 * Reads a 2xx body in one pass: `JSON.parse`, then the schema, which reports what differs rather than
 * throwing. The value is the schema's output (the body as sent, every field kept, an absent nullable
 * field read as null) whenever the body is usable: JSON with an object root, and for a list a `data` array.
 * `scrub` masks the call's credentials in issue messages (which quote values received) and, by value
 * only, in the body kept on the error.
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
  } catch {
    return failed([{ path: '', message: 'body is not JSON' }], origin, text, scrub);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return failed([{ path: '', message: 'body is not a JSON object' }], origin, text, scrub, json);
  const result = safeParse(schema, json);
  if (result.success) return { value: result.output };
  const checked = failed(toIssues(result.issues, scrub), origin, text, scrub, json);
  // A page without its items cannot be read, whatever the mode.
  return isList(schema) && !Array.isArray((json as { data?: unknown }).data)
    ? checked
    : { ...checked, value: result.output };
}

/**
 * The issues of a 2xx body and its error, which keeps the body: as received, but for the call's own
 * credential values (the key it sent), masked should a server echo them. A new key Lava returns is kept.
 */
function failed(issues: LavaIssue[], origin: ResponseOrigin, text: string, scrub: Scrub, json?: unknown) {
  const rawBody = scrub(text, Number.POSITIVE_INFINITY, true);
  let body = json;
  if (rawBody !== text && json !== undefined) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  const sent = json === undefined ? { rawBody } : { body, rawBody };
  return { issues, error: issueError(issues, origin, sent) };
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
