import { readEnv } from './env';

/** One line of the SDK's log; headers that carry credentials are already masked. */
export interface LavaLogEntry {
  /** `warn` for retries and failures, `debug` for the rest. */
  readonly level: 'debug' | 'warn';
  /** What happened: a request sent, a response received, a retry scheduled, or a failure. */
  readonly event: 'request' | 'response' | 'retry' | 'error';
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
}

/** Receives the SDK's log entries: `createLava({ logger: (entry) => console.debug(entry) })`. */
export type LavaLogger = (entry: LavaLogEntry) => void;

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
 * @param options - Key, base URL, fetch, timeout, retries, headers and logger; all optional.
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
