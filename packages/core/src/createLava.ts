import { readEnv } from './env';
import { lavaError } from './errors';

/** One line of the SDK's log; headers that carry credentials are already masked. */
export interface LavaLogEntry {
  readonly level: 'debug' | 'warn';
  readonly event: 'request' | 'response' | 'retry' | 'error';
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly status?: number;
  readonly requestId?: string;
  readonly durationMs?: number;
  readonly delayMs?: number;
  readonly error?: string;
}

export type LavaLogger = (entry: LavaLogEntry) => void;

export interface LavaOptions {
  /** Merchant secret key (`aks_live_…` / `aks_test_…`). Defaults to `LAVA_SECRET_KEY`. */
  secretKey?: string;
  /** API base URL. Defaults to `LAVA_BASE_URL`, else the sandbox for `aks_test_` keys, else production. */
  baseUrl?: string;
  /** A fetch implementation, for tests, proxies or custom agents. Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Time budget of one attempt, headers and body together. Default 60 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures only. Default 2. */
  maxRetries?: number;
  /** Base delay of the exponential backoff between retries. Default 500 ms. */
  retryDelayMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Receives one redacted entry for each request, response, retry and failure. */
  logger?: LavaLogger;
  /** Allow a secret key in a browser. Your key would be visible to every visitor: do not. */
  dangerouslyAllowBrowser?: boolean;
}

/** The immutable client context every SDK function takes first. */
export interface LavaClient {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly logger?: LavaLogger;
  /** The secret key. Non-enumerable, so it stays out of `JSON.stringify` and `console.log`. */
  readonly secretKey?: string;
}

export const PRODUCTION_BASE_URL = 'https://api.lava.so/v1/';
export const SANDBOX_BASE_URL = 'https://sandbox-api.lava.so/v1/';

/**
 * Creates the client context. A plain data constructor: it sends nothing and imports no transport,
 * so a bundle that only mints forward tokens stays tiny.
 *
 * @param options - Key, base URL, fetch, timeout, retries, headers and logger; all optional.
 * @returns A frozen {@link LavaClient}.
 * @throws A `config` LavaError for invalid options, or for a secret key in a browser without
 *   `dangerouslyAllowBrowser`. A missing key is not an error here: calls that need one return it.
 * @example
 * ```ts
 * const lava = createLava({ secretKey: env.LAVA_SECRET_KEY });
 * ```
 */
export function createLava(options: LavaOptions = {}): LavaClient {
  const { secretKey: key, baseUrl: base, dangerouslyAllowBrowser, ...rest } = options;
  const secretKey = (typeof key === 'string' && key.trim()) || readEnv('LAVA_SECRET_KEY');
  if (secretKey && typeof document !== 'undefined' && !dangerouslyAllowBrowser) {
    throw lavaError(
      'config',
      'A secret key in a browser is readable by every visitor: call Lava from a server',
    );
  }
  const baseUrl =
    base ??
    readEnv('LAVA_BASE_URL') ??
    (secretKey?.startsWith('aks_test_') ? SANDBOX_BASE_URL : PRODUCTION_BASE_URL);
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw lavaError('config', 'Invalid baseUrl: must be an http(s) URL');
  // Numbers and fetch are checked by the transport, so this stays small enough for token-only bundles.
  const client = {
    timeoutMs: 60_000,
    maxRetries: 2,
    retryDelayMs: 500,
    ...rest,
    headers: { ...rest.headers },
  };
  // Non-enumerable, so JSON.stringify and console.log never show it.
  return Object.freeze(
    Object.defineProperties(client, {
      baseUrl: { value: baseUrl.replace(/\/?$/, '/'), enumerable: true },
      secretKey: { value: secretKey },
    }),
  ) as LavaClient;
}
