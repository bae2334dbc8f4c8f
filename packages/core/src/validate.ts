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

function check<S extends GenericSchema>(schema: S, input: unknown, origin?: ResponseOrigin, scrub?: Scrub) {
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
