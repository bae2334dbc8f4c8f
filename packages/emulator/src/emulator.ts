// createEmulator: the in-memory, stateful Lava API as a web-standard `(Request) => Promise<Response>` handler:
// a domain model (src/model/) behind one HTTP pipeline (pipeline.ts). No node:* imports here, so it runs
// unchanged in workers, Deno, Bun and msw.
import type { Env, ReplyFunction } from './context';
import { type CorsOrigins, type CorsPolicy, corsPolicy } from './cors';
import { type Deliverer, deliver } from './deliver';
import { idempotencyStore } from './idempotency';
import { type CheckoutContact, completeCheckoutSession } from './model/checkout';
import { createModel, type Model, resetModel } from './model/model';
import { DEFAULT_SEED, type EmulatorSeed, type EmulatorState } from './model/state';
import { parseMoney } from './money';
import { pipeline } from './pipeline';
import { defaultReply } from './upstream';

/** The options of `createEmulator()` (and of `startEmulator()`); all optional. */
export interface EmulatorOptions {
  /** The merchant the emulator starts with; fields left out take the `EMULATOR_*` defaults. */
  seed?: Partial<EmulatorSeed>;
  /** fetch used to deliver webhooks. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** The clock; tests pass one to move time (billing cycles, auth-code expiry, idempotency keys). */
  now?: () => Date;
  /** Path prefix of the API. Default `/v1/`; `/api` and `api/` mean `/api/`. */
  basePath?: string;
  /**
   * Browser origins allowed to call the API through `handle()` and the msw handlers (CORS): `'*'` (the
   * default: nothing leaves the process), a list such as `['http://localhost:5173']`, a predicate, or
   * `false`. `startEmulator()` sets its own, by the host it listens on.
   */
  cors?: CorsOrigins | undefined;
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
  /** The API's path prefix, with both slashes: `/v1/`. */
  readonly basePath: string;
  /** Forgets everything but the seed, idempotency keys included. */
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

/** `/v1/` from `v1`, `/v1` or `/v1/`. */
function normalizeBasePath(path: string): string {
  let basePath = path;
  if (!basePath.startsWith('/')) basePath = `/${basePath}`;
  if (!basePath.endsWith('/')) basePath += '/';
  return basePath;
}

/** The pipeline of each emulator with another CORS policy, for the HTTP server. */
const withCors = new WeakMap<Emulator, (cors: CorsPolicy) => (request: Request) => Promise<Response>>();

/** The emulator's pipeline with `cors` instead of its own policy: what `startEmulator()` serves. */
export function handlerWithCors(
  emulator: Emulator,
  cors: CorsPolicy,
): (request: Request) => Promise<Response> {
  const make = withCors.get(emulator);
  if (!make) throw new TypeError('startEmulator({ emulator }) takes an emulator made by createEmulator()');
  return make(cors);
}

/**
 * Creates an emulator. Serve it with `startEmulator()` from `@lava-sdk/emulator/server`, or in-process with
 * `emulatorHandlers()` from `@lava-sdk/emulator/msw`, or call `handle()` directly; all three run the same
 * pipeline.
 *
 * @param options - Seed, clock, webhook fetch, base path, CORS and reply text; all optional.
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
  const basePath = normalizeBasePath(options.basePath ?? '/v1/');
  const now = options.now ?? (() => new Date());
  const pending = new Set<Promise<unknown>>();
  const deliverer: Deliverer = {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    queues: new Map(),
    track(promise) {
      pending.add(promise);
      promise.finally(() => pending.delete(promise));
    },
  };
  // Events emitted outside a request (a stream billed once it ends) are delivered on the next microtask.
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    deliver(model, deliverer);
  };
  const model: Model = createModel({
    seed,
    balance,
    now,
    onEvents() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(drain);
    },
  });
  const env: Env = {
    model,
    reply: options.reply ?? defaultReply,
    streamDelayMs: options.streamDelayMs ?? 0,
  };
  const idempotency = idempotencyStore(now);
  const handlerFor = (cors: CorsPolicy) =>
    pipeline(env, { basePath, cors, idempotency, after: () => deliver(model, deliverer) });
  const emulator: Emulator = {
    handle: handlerFor(corsPolicy(options.cors ?? '*', '127.0.0.1')),
    // The model's own state object: tests read it (and may set a balance); the API changes it only through
    // the model's commands.
    state: model.state as EmulatorState,
    seed: model.seed,
    basePath,
    reset() {
      resetModel(model, balance);
      idempotency.clear();
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    completeCheckout(id, contact) {
      const customerId = completeCheckoutSession(model, id, contact);
      deliver(model, deliverer);
      return customerId;
    },
  };
  withCors.set(emulator, handlerFor);
  return emulator;
}
