// createEmulator: the in-memory, stateful Lava API as a web-standard `(Request) => Promise<Response>` handler.
// No node:* imports here, so it runs unchanged in workers, Deno, Bun and msw.
import { type CheckoutContact, completeCheckoutSession } from './completeCheckout';
import type { Env, ReplyFunction } from './context';
import { parseMoney } from './money';
import { servePage } from './pages/servePage';
import { route } from './router';
import { DEFAULT_SEED, type EmulatorSeed, type EmulatorState, emptyState } from './store';
import { defaultReply } from './upstream';

/** The options of `createEmulator()` (and of `startEmulator()`); all optional. */
export interface EmulatorOptions {
  /** The merchant the emulator starts with; fields left out take the `EMULATOR_*` defaults. */
  seed?: Partial<EmulatorSeed>;
  /** fetch used to deliver webhooks. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** The clock; tests pass one to move time (billing cycles, auth-code expiry). */
  now?: () => Date;
  /** Path prefix of the API. Default `/v1/`. */
  basePath?: string;
  /** Assistant text of the fake upstream providers; the default echoes the last user message. */
  reply?: ReplyFunction;
  /**
   * Milliseconds between the events of a streamed fake upstream answer (default 0: as fast as the
   * client reads). A few ms make a stream last long enough to be aborted halfway.
   */
  streamDelayMs?: number;
}

/** A running, in-memory Lava: `handle(request)` answers as Lava would. */
export interface Emulator {
  /** Answers one request, as Lava would. Never throws. */
  handle(request: Request): Promise<Response>;
  /** The live state, for inspection in tests: customers, requests, deliveries, … */
  readonly state: EmulatorState;
  /** The seeded merchant: secret key, ids, starting wallet balance. */
  readonly seed: EmulatorSeed;
  /** Forgets everything but the seed. */
  reset(): void;
  /** Resolves once every webhook delivery in flight has finished. */
  settled(): Promise<void>;
  /**
   * Completes a checkout session as if the customer pressed "Pay" on the hosted checkout page (the page runs
   * this same code): creates the customer when the session names none, then starts the (possibly paid)
   * subscription or adds the bundle's credit, and sends the webhooks.
   *
   * @param checkoutSessionId - The session's `cs_…` id.
   * @param contact - A new customer's details (email, E.164 phone, name); ignored for a returning customer.
   * @returns The customer id.
   * @throws When the session is unknown (404), already completed (409), expired (410, 24 h after creation),
   *   or the contact details are invalid (400); the error's `status` and `code` say which.
   * @example
   * ```ts
   * const customerId = emulator.completeCheckout(session.checkout_session_id, { email: 'ada@example.com' });
   * ```
   */
  completeCheckout(checkoutSessionId: string, contact?: CheckoutContact): string;
}

/**
 * Creates an emulator. Serve it with `startEmulator()` from `@lava-sdk/emulator/server`, or in-process with
 * `emulatorHandlers()` from `@lava-sdk/emulator/msw`, or call `handle()` directly.
 *
 * @param options - Seed, clock, webhook fetch, base path and reply text; all optional.
 * @returns The emulator.
 * @example
 * ```ts
 * const emulator = createEmulator();
 * const res = await emulator.handle(new Request('http://lava.local/v1/wallet', {
 *   headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
 * }));
 * ```
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed: EmulatorSeed = { ...DEFAULT_SEED, ...options.seed };
  const balance = parseMoney(seed.walletBalance);
  if (balance === undefined)
    throw new TypeError('seed.walletBalance must be a decimal string such as "100.00"');
  if (!seed.secretKey.startsWith('aks_')) throw new TypeError('seed.secretKey must start with "aks_"');
  let basePath = options.basePath ?? '/v1/';
  if (!basePath.startsWith('/')) basePath = `/${basePath}`;
  if (!basePath.endsWith('/')) basePath += '/';
  const now = options.now ?? (() => new Date());
  const state = emptyState(seed, balance, now().toISOString());
  const pending = new Set<Promise<unknown>>();
  const env: Env = {
    state,
    seed,
    now,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    reply: options.reply ?? defaultReply,
    streamDelayMs: options.streamDelayMs ?? 0,
    track(promise) {
      pending.add(promise);
      promise.finally(() => pending.delete(promise));
    },
  };
  return {
    // The browser pages (inspector at `/`, hosted checkout at `/embed/checkout/…`) sit outside the API.
    handle: (request) => servePage(env, request, basePath) ?? route(env, request, basePath),
    state,
    seed,
    reset() {
      Object.assign(state, emptyState(seed, balance, now().toISOString()));
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    completeCheckout: (id, contact) => completeCheckoutSession(env, state.checkoutSessions.get(id), contact),
  };
}
