/**
 * One HTTP exchange: what a platform transport does once per attempt. `send()` owns everything around it
 * (retries, backoff, idempotency keys, logging, error mapping); an exchange only talks to the network.
 */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: RequestInit['body'] | undefined;
  /** Time budget over headers and body together; 0 for none. */
  readonly timeoutMs: number;
  /** The caller's signal: when it fires, the exchange stops. */
  readonly signal?: AbortSignal | undefined;
  /** Resolve once headers arrive and hand the body over unread (fetch only); the timeout then stops. */
  readonly stream?: boolean | undefined;
  readonly redirect?: RequestInit['redirect'] | undefined;
}

/** What came back: the status, a header reader, and the body as text (or unread, when streaming). */
export interface Answer {
  readonly status: number;
  /** A response header by its lower-case name. */
  header(name: string): string | null;
  /** The whole body; '' when streaming. */
  readonly text: string;
  /** The fetch Response, when the exchange went through fetch (streams always do). */
  readonly response?: Response | undefined;
}

/** How an exchange says its time budget ran out (any other rejection is a network failure). */
export const TIMED_OUT = 'timed out';

/**
 * How an exchange says the request could not even be built, so not a byte left: the platform refused its
 * URL (`url`: the client's base URL, since every other part of it is encoded) or the rest (`request`: the
 * call's method, headers or body). Never retried.
 */
export class NotSent {
  constructor(
    readonly part: 'url' | 'request',
    readonly cause: unknown,
  ) {}
}

/**
 * A platform transport: performs one exchange for a client, or rejects (with {@link TIMED_OUT} when its
 * time budget runs out, a {@link NotSent} when the request cannot be built; anything else is a network
 * failure).
 */
export type ExchangeFn = (
  exchange: Exchange,
  lava: { readonly fetch?: typeof fetch | undefined },
) => Promise<Answer>;
