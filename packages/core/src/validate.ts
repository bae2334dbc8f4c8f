import { err, ok, type Result } from 'neverthrow';
import type { BaseIssue, GenericSchema, InferOutput } from 'valibot';
import { safeParse } from 'valibot';
import type { LavaError, LavaIssue } from './errors';
import { lavaError } from './lavaError';
import { redact } from './redact';
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

/** Where a response came from: given for an `invalid_response` error, absent for `invalid_params`. */
interface Origin {
  status: number;
  requestId?: string | undefined;
}

/** An `invalid_params` error, or with an origin an `invalid_response` one: what, then each issue. */
function issueError(issues: LavaIssue[], origin?: Origin): LavaError {
  const detail = issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ');
  return origin
    ? lavaError('invalid_response', `Unexpected response from Lava (${origin.status}): ${detail}`, {
        issues,
        ...origin,
      })
    : lavaError('invalid_params', `Invalid params: ${detail}`, { issues });
}

function check<S extends GenericSchema>(schema: S, input: unknown, origin?: Origin, scrub?: Scrub) {
  let result: ReturnType<typeof safeParse<S>>;
  try {
    result = safeParse(schema, input);
  } catch (cause) {
    // A check that serialises the value (metadata size) throws on a BigInt, a cycle or a huge nesting.
    return err<InferOutput<S>, LavaError>(
      issueError([{ path: '', message: `cannot be checked (${(cause as Error)?.message})` }], origin),
    );
  }
  return result.success
    ? ok<InferOutput<S>, LavaError>(result.output)
    : err<InferOutput<S>, LavaError>(issueError(toIssues(result.issues, scrub), origin));
}

/** Validates a function's params; failure is an `invalid_params` error, so no request is sent. */
export function parseParams<S extends GenericSchema>(
  schema: S,
  input: unknown,
): Result<InferOutput<S>, LavaError> {
  return check(schema, input);
}

/** An `invalid_params` error about one field. */
export function invalidParam(path: string, message: string): LavaError {
  return issueError([{ path, message }]);
}

/** Validates a 2xx body; failure is an `invalid_response` error that lists what did not match. */
export function parseResponse<S extends GenericSchema>(
  schema: S,
  input: unknown,
  status: number,
  requestId?: string,
  scrub?: Scrub,
): Result<InferOutput<S>, LavaError> {
  return check(schema, input, { status, requestId }, scrub);
}

/** Parses a 2xx body as JSON; a body that is not JSON is an `invalid_response` error. */
export function parseJsonBody(text: string, status: number, requestId?: string): Result<unknown, LavaError> {
  try {
    return ok(JSON.parse(text));
  } catch {
    return err(invalidResponse('body is not JSON', status, requestId));
  }
}

/** An `invalid_response` error for a body that could not be read as expected at all. */
export function invalidResponse(message: string, status: number, requestId?: string): LavaError {
  return issueError([{ path: '', message }], { status, requestId });
}
