/**
 * One HTTP exchange: what a platform transport does once per attempt. `send()` owns everything around it
 * (retries, backoff, idempotency keys, logging, error mapping); an exchange only talks to the network.
 */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: BodyInit | undefined;
  /** Time budget over headers and body together; 0 for none. */
  readonly timeoutMs: number;
  /** The caller's signal: when it fires, the exchange stops. */
  readonly signal?: AbortSignal | undefined;
  /** Resolve once headers arrive and hand the body over unread (fetch only); the timeout then stops. */
  readonly stream?: boolean | undefined;
  readonly redirect?: RequestRedirect | undefined;
}

/** What came back: the status, a header reader, and the body as text (or unread, when streaming). */
export interface Answer {
  readonly status: number;
  /** A response header by its lower-case name. */
  header(name: string): string | null;
  /** The whole body; '' when streaming. */
  readonly text: string;
  /** The fetch Response, when the exchange went through fetch (streams always do). */
  readonly response?: Response;
}

/** How an exchange says its time budget ran out (any other rejection is a network failure). */
export const TIMED_OUT = 'timed out';

/**
 * A platform transport: performs one exchange for a client, or rejects (with {@link TIMED_OUT} when its
 * time budget runs out; anything else is a network failure).
 */
export type ExchangeFn = (exchange: Exchange, lava: { readonly fetch?: typeof fetch }) => Promise<Answer>;
