import { redact } from './credentials';

// Every LavaError is made here: the class, its types, and the four ways to make one (`lavaError`,
// `rawLavaError`, `invalidParam`, `invalidResponse`). One module, so no import circle can make a bundler
// rename the class (`LavaError$1` in a stack trace or `console.log`).

// A global-registry symbol, so two installed copies of the SDK still recognise each other's errors.
const brand = Symbol.for('lava-sdk.error');

/** True for any LavaError, even one made by another installed copy of the SDK. */
export function isLavaError(value: unknown): value is LavaError {
  return (value as Record<symbol, unknown> | null | undefined)?.[brand] === true;
}

/** A problem found by a schema, with the dotted path of the field it concerns. */
export interface LavaIssue {
  /** The dotted path of the field (`tiers.1.start`); empty for the value as a whole. */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
}

interface ErrorBase<K extends string> extends Error {
  /** Which failure this is; `switch (error.kind)` narrows the union to it. */
  readonly kind: K;
}

/** Invalid options or a missing secret key. */
export interface ConfigError extends ErrorBase<'config'> {}
/** The function's params failed their schema; no request was sent. */
export interface InvalidParamsError extends ErrorBase<'invalid_params'> {
  /** Each field the schema refused, and why. */
  readonly issues: readonly LavaIssue[];
}
/** The connection failed (refused, reset, DNS) on every attempt. */
export interface NetworkError extends ErrorBase<'network'> {
  /** How many times the request was sent (1 + retries). */
  readonly attempts: number;
}
/** The time budget ran out while waiting for headers or body. */
export interface TimeoutError extends ErrorBase<'timeout'> {
  /** The budget of each attempt that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** How many times the request was sent (1 + retries). */
  readonly attempts: number;
}
/** The caller's AbortSignal fired. */
export interface AbortedError extends ErrorBase<'aborted'> {}
/** Lava (or the upstream provider, through the gateway) answered with a non-2xx status. */
export interface ApiError extends ErrorBase<'api'> {
  /** The HTTP status of the last attempt. */
  readonly status: number;
  /** Lava's error code when the body has one (`insufficient_balance`, `not_found`, …). */
  readonly code?: string | undefined;
  /** The `x-lava-request-id` of the response, for support tickets and logs. */
  readonly requestId?: string | undefined;
  /** The response body: parsed JSON, else the text; bounded and scrubbed of credentials. */
  readonly body: unknown;
  /** The wait the response's `Retry-After` asked for, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** How many times the request was sent (1 + retries). */
  readonly attempts: number;
}
/**
 * A 2xx response the call could not return: its body is not JSON, has no object root, or is a list without
 * a `data` array; or, with `responseValidation: 'strict'`, it differs from the documented shape.
 */
export interface InvalidResponseError extends ErrorBase<'invalid_response'> {
  /** Each way the body differs from the documented shape. */
  readonly issues: readonly LavaIssue[];
  /** The HTTP status of the response. */
  readonly status: number;
  /** The `x-lava-request-id` of the response. */
  readonly requestId?: string | undefined;
  /**
   * The body Lava sent, parsed (absent when it is not JSON). Not enumerable, so `JSON.stringify`,
   * `util.inspect` and log lines leave it out, and not scrubbed: a `createSecretKey`, `createSpendKey`,
   * `rotateSpendKey` or `createWebhook` response is the new secret. Only the call's own credentials (the key
   * it sent) are masked in it.
   */
  readonly body?: unknown;
  /** The body's text as received, under the same rules as `body`. */
  readonly rawBody?: string | undefined;
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

/** The `kind` of each LavaError: `config`, `invalid_params`, `network`, `timeout`, `aborted`, `api`, `invalid_response`. */
export type LavaErrorKind = LavaError['kind'];

/**
 * The fields a LavaError of kind `K` carries beyond `Error`'s and `kind`. What a 2xx sent (`body` and
 * `rawBody` of an `invalid_response`) is kept by the SDK alone, not enumerable.
 */
export type LavaErrorFields<K extends LavaErrorKind> = Omit<
  Extract<LavaError, Pick<ErrorBase<K>, 'kind'>>,
  keyof Error | 'kind' | (K extends 'invalid_response' ? 'body' | 'rawBody' : never)
>;

// The runtime class. Its own name is `LavaError` (what stack traces, `console.log` and `constructor.name`
// show); the exported `LavaError` below is the same class, typed so `instanceof` narrows to the union.
const LavaErrorClass = class LavaError extends Error {
  declare readonly kind: LavaErrorKind;
  constructor(kind: LavaErrorKind, message: string, fields?: object, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { name: 'LavaError', kind }, fields);
  }
  // The brand, on the prototype: inspecting an error does not show it.
  get [brand](): true {
    return true;
  }
  // By brand, not prototype: an error made by another installed copy of core is a LavaError too.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isLavaError(value);
  }
  // Error's own `message` is not enumerable: without this, JSON.stringify(error) would drop it.
  toJSON(): object {
    return { ...this, message: this.message };
  }
};

/**
 * The class of every error the SDK returns: `error instanceof LavaError` narrows to the `LavaError` union,
 * and holds across two installed copies of the SDK. Errors are made by the SDK, not by applications.
 */
export const LavaError: {
  /** The prototype every LavaError has. */
  readonly prototype: LavaError;
  /** `value instanceof LavaError`: true for a LavaError of any installed copy of the SDK (by brand). */
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

/** Creates a LavaError of the given kind; the message is redacted of anything credential-shaped. */
export function lavaError<K extends LavaErrorKind>(
  kind: K,
  message: string,
  fields?: LavaErrorFields<K>,
  cause?: unknown,
): Extract<LavaError, { kind: K }> {
  return rawLavaError(kind, redact(message), fields, cause);
}

/** Where a response came from: given for an `invalid_response` error, absent for `invalid_params`. */
export interface ResponseOrigin {
  status: number;
  requestId?: string | undefined;
}

// Issues named in a message; all of them stay in `issues`.
const MESSAGE_ISSUES = 10;

/** `path: message; …` of the first few issues, and how many more there are. */
export function describeIssues(issues: readonly LavaIssue[]): string {
  const shown = issues.slice(0, MESSAGE_ISSUES).map((i) => (i.path ? `${i.path}: ` : '') + i.message);
  const more = issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** What a 2xx sent: its text, and the parsed body when it is JSON. */
export interface Sent {
  body?: unknown;
  rawBody?: string | undefined;
}

/**
 * Keeps what a 2xx sent on its `invalid_response` error, as properties that are not enumerable, so
 * `JSON.stringify`, `util.inspect` and log lines leave them out (see InvalidResponseError).
 */
export function keepSent<E extends LavaError>(error: E, sent: Sent | undefined): E {
  for (const name in sent) {
    const value = sent[name as keyof Sent];
    if (value !== undefined) Object.defineProperty(error, name, { value });
  }
  return error;
}

/**
 * An `invalid_params` error, or with an origin an `invalid_response` one: what, then each issue. `sent`,
 * the body of a 2xx, is kept on the error as it is (see {@link keepSent}).
 */
export function issueError(issues: LavaIssue[], origin?: ResponseOrigin, sent?: Sent): LavaError {
  const detail = describeIssues(issues);
  return origin
    ? keepSent(
        lavaError('invalid_response', `Unexpected response from Lava (${origin.status}): ${detail}`, {
          issues,
          ...origin,
        }),
        sent,
      )
    : lavaError('invalid_params', `Invalid params: ${detail}`, { issues });
}

/** An `invalid_params` error about one field. */
export function invalidParam(path: string, message: string): LavaError {
  return issueError([{ path, message }]);
}

/** An `invalid_response` error for a body that could not be read as expected at all; `rawBody` is its text. */
export function invalidResponse(
  message: string,
  status: number,
  requestId?: string,
  rawBody?: string,
): LavaError {
  return issueError(
    [{ path: '', message }],
    { status, requestId },
    rawBody === undefined ? undefined : { rawBody },
  );
}
