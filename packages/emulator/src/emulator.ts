// createEmulator: the in-memory, stateful Lava API as a web-standard `(Request) => Promise<Response>` handler.
// No node:* imports here, so it runs unchanged in workers, Deno, Bun and msw.
import type { Env, ReplyFunction } from './context';
import { emitCustomerEvent } from './deliver';
import { newId } from './ids';
import { parseMoney } from './money';
import { route } from './router';
import { DEFAULT_SEED, type EmulatorSeed, type EmulatorState, emptyState } from './store';
import { defaultReply } from './upstream';
import { activeSubscription, addInterval } from './views';

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
   * Completes a checkout session as if the customer finished the hosted checkout: creates the customer when
   * needed, then starts the (possibly paid) subscription or adds the bundle's credit.
   */
  completeCheckout(
    checkoutSessionId: string,
    contact?: { email?: string; phone?: string; name?: string },
  ): string;
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
    handle: (request) => route(env, request, basePath),
    state,
    seed,
    reset() {
      Object.assign(state, emptyState(seed, balance, now().toISOString()));
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    completeCheckout(id, contact = {}) {
      const session = state.checkoutSessions.get(id);
      if (!session) throw new Error(`No checkout session ${id}`);
      if (session.completed_at) throw new Error(`Checkout session ${id} is already completed`);
      const at = now();
      let customer = session.customer_id ? state.customers.get(session.customer_id) : undefined;
      if (!customer) {
        customer = {
          customer_id: newId('con_', at),
          reference_id: null,
          name: contact.name ?? null,
          email: contact.email ?? null,
          phone: contact.phone ?? '+14155550100',
          metadata: null,
          created_at: at.toISOString(),
        };
        state.customers.set(customer.customer_id, customer);
        emitCustomerEvent(env, 'customer.created', customer);
      }
      if (session.checkout_mode === 'subscription') {
        const plan = state.plans.get(session.plan_id ?? '');
        if (!plan) throw new Error('The plan of this checkout session no longer exists');
        const current = activeSubscription(env, customer.customer_id);
        if (current) {
          current.status = 'cancelled';
          current.cancelled_at = at.toISOString();
        }
        const subscriptionId = newId('as_', at);
        state.subscriptions.set(subscriptionId, {
          subscription_id: subscriptionId,
          customer_id: customer.customer_id,
          plan_id: plan.plan_id,
          status: 'active',
          auto_top_up_bundle_id: plan.default_auto_top_up_bundle_id,
          started_at: at.toISOString(),
          cancelled_at: null,
          cycle_start_at: at.toISOString(),
          cycle_end_at: addInterval(at, plan.billing_interval).toISOString(),
          cycle_remaining: plan.included_credit,
          bundle_remaining: 0n,
          pending_change: null,
          plan,
        });
      } else {
        const bundle = state.creditBundles.get(session.credit_bundle_id ?? '');
        const sub = activeSubscription(env, customer.customer_id);
        if (!bundle || !sub) throw new Error('The bundle or the customer subscription no longer exists');
        sub.bundle_remaining += bundle.credit_amount;
      }
      session.customer_id = customer.customer_id;
      session.completed_at = at.toISOString();
      emitCustomerEvent(env, 'customer.wallet.balance.updated', customer);
      return customer.customer_id;
    },
  };
}
