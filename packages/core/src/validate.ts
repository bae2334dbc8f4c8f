import { err, ok, type Result } from 'neverthrow';
import type { BaseIssue, GenericSchema, InferOutput } from 'valibot';
import { safeParse } from 'valibot';
import { type LavaError, type LavaIssue, lavaError } from './errors';

/** Turns valibot issues into plain `{ path, message }` pairs, the path dotted (`tiers.0.start`). */
export function toIssues(issues: readonly BaseIssue<unknown>[]): LavaIssue[] {
  return issues.map((issue) => ({
    path: issue.path?.map((item) => String(item.key)).join('.') ?? '',
    message: issue.message,
  }));
}

function describe(issues: LavaIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Validates a function's params; failure is an `invalid_params` error, so no request is sent. */
export function parseParams<S extends GenericSchema>(schema: S, input: unknown): Result<InferOutput<S>, LavaError> {
  const result = safeParse(schema, input);
  if (result.success) return ok(result.output);
  const issues = toIssues(result.issues);
  return err(lavaError('invalid_params', `Invalid params: ${describe(issues)}`, { issues }));
}

/** Validates a 2xx body; failure is an `invalid_response` error that lists what did not match. */
export function parseResponse<S extends GenericSchema>(
  schema: S,
  input: unknown,
  status: number,
  requestId?: string,
): Result<InferOutput<S>, LavaError> {
  const result = safeParse(schema, input);
  if (result.success) return ok(result.output);
  const issues = toIssues(result.issues);
  return err(
    lavaError('invalid_response', `Unexpected response from Lava: ${describe(issues)}`, {
      issues,
      status,
      requestId,
    }),
  );
}
