import { isLavaError, LavaError as LavaErrorClass } from './LavaErrorClass';

export { isLavaError };

/** A problem found by a schema, with the dotted path of the field it concerns. */
export interface LavaIssue {
  readonly path: string;
  readonly message: string;
}

interface ErrorBase<K extends string> extends Error {
  readonly kind: K;
}

/** Invalid options or a missing secret key. */
export interface ConfigError extends ErrorBase<'config'> {}
/** The function's params failed their schema; no request was sent. */
export interface InvalidParamsError extends ErrorBase<'invalid_params'> {
  readonly issues: readonly LavaIssue[];
}
/** The connection failed (refused, reset, DNS) on every attempt. */
export interface NetworkError extends ErrorBase<'network'> {
  readonly attempts: number;
}
/** The time budget ran out while waiting for headers or body. */
export interface TimeoutError extends ErrorBase<'timeout'> {
  readonly timeoutMs: number;
  readonly attempts: number;
}
/** The caller's AbortSignal fired. */
export interface AbortedError extends ErrorBase<'aborted'> {}
/** Lava (or the upstream provider, through the gateway) answered with a non-2xx status. */
export interface ApiError extends ErrorBase<'api'> {
  readonly status: number;
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly body: unknown;
  readonly retryAfterMs?: number | undefined;
  readonly attempts: number;
}
/** A 2xx response whose body is not JSON or does not match the documented shape. */
export interface InvalidResponseError extends ErrorBase<'invalid_response'> {
  readonly issues: readonly LavaIssue[];
  readonly status: number;
  readonly requestId?: string | undefined;
}

/** Every error an SDK function can return; `switch (e.kind)` narrows it. */
export type LavaError =
  | ConfigError
  | InvalidParamsError
  | NetworkError
  | TimeoutError
  | AbortedError
  | ApiError
  | InvalidResponseError;

export type LavaErrorKind = LavaError['kind'];

export type LavaErrorFields<K extends LavaErrorKind> = Omit<
  Extract<LavaError, { kind: K }>,
  keyof Error | 'kind'
>;

/**
 * The class of every error the SDK returns: `error instanceof LavaError` narrows to the `LavaError` union,
 * and holds across two installed copies of the SDK. Errors are made by the SDK, not by applications.
 */
export const LavaError: {
  readonly prototype: LavaError;
  [Symbol.hasInstance](value: unknown): value is LavaError;
} = LavaErrorClass as never;

/**
 * Creates a LavaError from text the SDK wrote itself. Text that may hold anything from outside (a
 * response body, a cause, a user value) goes through `lavaError`, which redacts it.
 */
export function rawLavaError<K extends LavaErrorKind>(
  kind: K,
  message: string,
  fields?: LavaErrorFields<K>,
  cause?: unknown,
): Extract<LavaError, { kind: K }> {
  return new LavaErrorClass(kind, message, fields, cause) as unknown as Extract<LavaError, { kind: K }>;
}
