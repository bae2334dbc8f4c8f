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
  readonly code?: string;
  readonly requestId?: string;
  readonly body: unknown;
  readonly retryAfterMs?: number;
  readonly attempts: number;
}
/** A 2xx response whose body is not JSON or does not match the documented shape. */
export interface InvalidResponseError extends ErrorBase<'invalid_response'> {
  readonly issues: readonly LavaIssue[];
  readonly status: number;
  readonly requestId?: string;
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

type Fields<K extends LavaErrorKind> = Omit<Extract<LavaError, { kind: K }>, keyof Error | 'kind'>;

// A global-registry symbol, so two installed copies of the SDK still recognise each other's errors.
const brand = Symbol.for('lava-sdk.error');

// Anything that looks like a credential: secret keys, spend keys, bearer values, forward tokens.
const SECRET_PATTERN = /\b(?:aks|lava_sk|lava_wk|cons)_[A-Za-z0-9_-]+|(Bearer\s+)[^\s"',]+/g;

/** Masks anything shaped like a credential in a piece of text. */
export function redact(text: string): string {
  return text.replace(SECRET_PATTERN, (_m, bearer?: string) => `${bearer ?? ''}[redacted]`);
}

class LavaErrorImpl extends Error {
  declare readonly kind: LavaErrorKind;
  constructor(kind: LavaErrorKind, message: string, fields?: object, cause?: unknown) {
    super(redact(message), cause === undefined ? undefined : { cause });
    this.name = 'LavaError';
    Object.assign(this, { kind }, fields);
    Object.defineProperty(this, brand, { value: true });
  }
  toJSON(): object {
    return { ...this, name: this.name, message: this.message };
  }
}

/** Creates a LavaError of the given kind. The message is redacted of anything credential-shaped. */
export function lavaError<K extends LavaErrorKind>(
  kind: K,
  message: string,
  fields?: Fields<K>,
  cause?: unknown,
): Extract<LavaError, { kind: K }> {
  return new LavaErrorImpl(kind, message, fields, cause) as unknown as Extract<LavaError, { kind: K }>;
}

/** True for any LavaError, even one made by another installed copy of the SDK. */
export function isLavaError(value: unknown): value is LavaError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
