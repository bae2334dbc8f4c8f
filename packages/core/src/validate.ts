import { err, ok, type Result } from 'neverthrow';
import type { BaseIssue, GenericSchema, InferOutput } from 'valibot';
import { safeParse } from 'valibot';
import type { InvalidResponseError, LavaError, LavaIssue } from './errors';
import { lavaError } from './lavaError';
import { redact } from './redact';

/** Turns valibot issues into plain `{ path, message }` pairs, the path dotted (`tiers.0.start`). */
export function toIssues(issues: readonly BaseIssue<unknown>[]): LavaIssue[] {
  return issues.map((issue) => ({
    path: issue.path?.map((item) => String(item.key)).join('.') ?? '',
    message: redact(issue.message),
  }));
}

/** The message of an `invalid_params` / `invalid_response` error: what, then each issue. */
function issueError(
  kind: 'invalid_params' | 'invalid_response',
  issues: LavaIssue[],
  extra?: Omit<InvalidResponseError, keyof Error | 'kind' | 'issues'>,
): LavaError {
  const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  const what = extra ? `Unexpected response from Lava (${extra.status})` : 'Invalid params';
  return lavaError(kind, `${what}: ${detail}`, { issues, ...extra } as never);
}

/** Validates a function's params; failure is an `invalid_params` error, so no request is sent. */
export function parseParams<S extends GenericSchema>(
  schema: S,
  input: unknown,
): Result<InferOutput<S>, LavaError> {
  const result = safeParse(schema, input);
  return result.success ? ok(result.output) : err(issueError('invalid_params', toIssues(result.issues)));
}

/** An `invalid_params` error about one field. */
export function invalidParam(path: string, message: string): LavaError {
  return issueError('invalid_params', [{ path, message }]);
}

/** Validates a 2xx body; failure is an `invalid_response` error that lists what did not match. */
export function parseResponse<S extends GenericSchema>(
  schema: S,
  input: unknown,
  status: number,
  requestId?: string,
): Result<InferOutput<S>, LavaError> {
  const result = safeParse(schema, input);
  return result.success
    ? ok(result.output)
    : err(issueError('invalid_response', toIssues(result.issues), { status, requestId }));
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
  return issueError('invalid_response', [{ path: '', message }], { status, requestId });
}
