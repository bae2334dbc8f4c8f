import { readEnv } from './env';
import type { LavaIssue } from './errors';

/**
 * One line of the SDK's log; headers that carry credentials are already masked. `response_issues` (level
 * `warn`) is a 2xx whose body differs from Lava's docs: its `operation` and `issues`, as
 * `onResponseIssues` gets them.
 */
export interface LavaLogEntry {
  /** `warn` for retries, failures and responses that differ from the docs, `debug` for the rest. */
  readonly level: 'debug' | 'warn';
  /** What happened: a request sent, a response received, a retry scheduled, a failure, or a 2xx whose body differs from Lava's docs (`response_issues`). */
  readonly event: 'request' | 'response' | 'retry' | 'error' | 'response_issues';
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, with credential query parameters masked. */
  readonly url: string;
  /** Which attempt this is, from 1. */
  readonly attempt: number;
  /** The request headers (on `request`), credentials masked. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The response status (on `response`, and `retry` after a response). */
  readonly status?: number | undefined;
  /** The response's `x-lava-request-id`. */
  readonly requestId?: string | undefined;
  /** Milliseconds from sending to the response (on `response`). */
  readonly durationMs?: number | undefined;
  /** Milliseconds until the next attempt (on `retry`). */
  readonly delayMs?: number | undefined;
  /** The failure's message (on `retry` and `error`), redacted. */
  readonly error?: string | undefined;
  /** The operation whose response differs from the docs (`response_issues` only). */
  readonly operation?: string | undefined;
  /** How the response differs from the docs, scrubbed (`response_issues` only). */
  readonly issues?: readonly LavaIssue[] | undefined;
}

/** Receives the SDK's log entries: `createLava({ logger: (entry) => console.debug(entry) })`. */
export type LavaLogger = (entry: LavaLogEntry) => void;

/**
 * What to do with a 2xx whose body differs from Lava's docs. `warn`: return it (`Ok`, the body as sent, an
 * absent nullable field read as null) whenever it can be used, and report how it differs. `strict`: return
 * `Err(invalid_response)`, with the body on the error. A body that is not JSON, has no object root or is a
 * list without a `data` array is `Err` in both modes.
 */
export type ResponseValidation = 'warn' | 'strict';

/** A 2xx response that differs from Lava's docs, reported once per call (`onResponseIssues`, the logger). */
export interface ResponseIssues {
  /** The operation, by its wire request in the registry: `GET /customers/{customer_id}`. */
  readonly operation: string;
  /** Lava's `x-lava-request-id`, for a support ticket. */
  readonly requestId?: string | undefined;
  /** The HTTP status (2xx). */
  readonly status: number;
  /** Each difference, with the dotted path of its field; values quoted in messages are scrubbed. */
  readonly issues: readonly LavaIssue[];
}

/** The options of `createLava()` (and of `new Lava()` in lava-sdk); all optional. */
export interface LavaOptions {
  /** Merchant secret key (`aks_live_…` / `aks_test_…`). Defaults to `LAVA_SECRET_KEY`. */
  secretKey?: string | undefined;
  /** API base URL. Defaults to `LAVA_BASE_URL`, else the sandbox for `aks_test_` keys, else production. */
  baseUrl?: string | undefined;
  /** A fetch implementation, for tests, proxies or custom agents. Defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
  /**
   * Time budget of one attempt, headers and body together. Default 60 000 ms. `0` turns it off (then only
   * a `signal` can stop a call), which saves the cost of an abort signal on every request.
   */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for retryable failures only. Default 2. */
  maxRetries?: number | undefined;
  /** Base delay of the exponential backoff between retries. Default 500 ms. */
  retryDelayMs?: number | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Receives one redacted entry for each request, response, retry and failure. */
  logger?: LavaLogger | undefined;
  /**
   * `warn` (default): a 2xx that differs from Lava's docs is still returned, and reported. `strict`: it is an
   * `invalid_response` error (for tests and CI). Defaults to `LAVA_RESPONSE_VALIDATION`, else `warn`.
   */
  responseValidation?: ResponseValidation | undefined;
  /**
   * Called once for each 2xx response that differs from Lava's docs, in both modes, with the operation,
   * request id, status and scrubbed issues. The logger also gets it, at level `warn`. A callback that
   * throws changes nothing.
   */
  onResponseIssues?: ((report: ResponseIssues) => void) | undefined;
  /** Allow a secret key in a browser. Your key would be visible to every visitor: do not. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** The immutable client context every SDK function takes first. */
export interface LavaClient {
  /** The API base URL every request is resolved against, ending in `/`. */
  readonly baseUrl: string;
  /** The fetch the client was given; absent: the platform's (and `node:http` for REST calls in Node). */
  readonly fetch?: typeof fetch | undefined;
  /** Time budget of one attempt, in milliseconds (`0`: none). */
  readonly timeoutMs: number;
  /** Retries after the first attempt, for retryable failures. */
  readonly maxRetries: number;
  /** Base delay of the exponential backoff between retries, in milliseconds. */
  readonly retryDelayMs: number;
  /** Headers sent with every request. */
  readonly headers: Readonly<Record<string, string>>;
  /** Receives the SDK's log entries. */
  readonly logger?: LavaLogger | undefined;
  /**
   * What a 2xx that differs from Lava's docs becomes: `warn` (returned and reported) or `strict` (an
   * error). Absent: `LAVA_RESPONSE_VALIDATION`, else `warn`, read at the client's first REST call.
   */
  readonly responseValidation?: ResponseValidation | undefined;
  /** Receives each 2xx response that differs from Lava's docs. */
  readonly onResponseIssues?: ((report: ResponseIssues) => void) | undefined;
  /** The secret key. Non-enumerable, so it stays out of `JSON.stringify` and `console.log`. */
  readonly secretKey?: string | undefined;
  /** Lets a secret key be used in a browser. */
  readonly dangerouslyAllowBrowser?: boolean | undefined;
}

/** Lava's API, the default base URL for live keys. */
export const PRODUCTION_BASE_URL = 'https://api.lava.so/v1/';
/** Lava's sandbox API, the default base URL for `aks_test_` keys. */
export const SANDBOX_BASE_URL = 'https://sandbox-api.lava.so/v1/';

// The key is kept beside the client, not on it, and read through a getter on its prototype. With its own
// `constructor`, util.inspect takes that prototype for Object's and lists no inherited getter, even with
// showHidden and getters; JSON, property descriptors, spreads and structuredClone never see it either.
const keys = new WeakMap<object, string | undefined>();
const keyReader = Object.defineProperties(
  {},
  {
    constructor: { value: Object },
    secretKey: {
      get(this: object) {
        return keys.get(this);
      },
    },
  },
);

/**
 * Creates the client context. A plain data constructor: it sends nothing, throws nothing and imports
 * no transport, so a bundle that only mints forward tokens stays tiny. Options are checked when they
 * are used: a missing key, a bad base URL or a secret key in a browser is a `config` LavaError then.
 *
 * @param options - Key, base URL, fetch, timeout, retries, headers, logger and response validation; all
 *   optional.
 * @returns A frozen {@link LavaClient}. Its `secretKey` is read through a getter and held outside the
 *   object, so no inspection or copy of the client shows it; `createLava(null)` is `createLava()`.
 * @example
 * ```ts
 * const lava = createLava({ secretKey: env.LAVA_SECRET_KEY });
 * ```
 */
export function createLava(options?: LavaOptions | null): LavaClient {
  const { secretKey: key, baseUrl, ...rest } = options ?? {};
  const secretKey = (typeof key === 'string' && key.trim()) || readEnv('LAVA_SECRET_KEY');
  const sandbox = secretKey?.startsWith('aks_test_') ? 'sandbox-' : '';
  // An option given as `undefined` means "the default": it must not be spread over one.
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const client = Object.freeze(
    Object.assign(Object.create(keyReader), {
      timeoutMs: 60_000,
      maxRetries: 2,
      retryDelayMs: 500,
      ...given,
      baseUrl: (baseUrl ?? readEnv('LAVA_BASE_URL') ?? `https://${sandbox}api.lava.so/v1/`).replace(
        /\/?$/,
        '/',
      ),
      headers: { ...rest.headers },
    }),
  );
  keys.set(client, secretKey);
  return client;
}
