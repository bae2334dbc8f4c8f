// Completing a checkout session: what Lava's hosted checkout does when the customer pays. The one code path
// behind both `emulator.completeCheckout()` and the "Pay" button of the hosted page (`pages/checkoutPage.ts`).
import type { Env } from './context';
import { emitCustomerEvent } from './deliver';
import { badRequest, LavaHttpError, notFound } from './http';
import { newId } from './ids';
import type { CheckoutSessionRecord } from './store';
import { E164, EMAIL } from './validate';
import { activeSubscription, addInterval } from './views';

/**
 * How long a checkout session can be completed after it was created. Lava does not document it; 24 hours is
 * what hosted checkouts commonly allow (Stripe's default), and what the emulator enforces.
 *
 * @example
 * ```ts
 * let offset = 0;
 * const emulator = createEmulator({ now: () => new Date(Date.now() + offset) });
 * offset = CHECKOUT_SESSION_TTL_MS; // every open session has now expired
 * ```
 */
export const CHECKOUT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** The contact details a new customer enters on the hosted checkout. */
export interface CheckoutContact {
  /** The customer's email. */
  email?: string;
  /** The customer's phone number, E.164 (`+14155550123`). */
  phone?: string;
  /** The customer's full name. */
  name?: string;
}

export type CheckoutSessionStatus = 'open' | 'completed' | 'expired';

/** When the session stops accepting payment. */
export function checkoutExpiresAt(session: CheckoutSessionRecord): Date {
  return new Date(Date.parse(session.created_at) + CHECKOUT_SESSION_TTL_MS);
}

export function checkoutStatus(env: Env, session: CheckoutSessionRecord): CheckoutSessionStatus {
  if (session.completed_at) return 'completed';
  return env.now().getTime() >= checkoutExpiresAt(session).getTime() ? 'expired' : 'open';
}

/** The session whose hosted page is `embed/checkout/{secret}`. */
export function checkoutBySecret(env: Env, secret: string): CheckoutSessionRecord | undefined {
  for (const session of env.state.checkoutSessions.values()) if (session.secret === secret) return session;
  return undefined;
}

function checkContact(contact: CheckoutContact): void {
  const { name, email, phone } = contact;
  if (name !== undefined && (name.trim() === '' || name.length > 255))
    throw badRequest('Invalid params: name must be 1–255 characters', 'invalid_params');
  if (email !== undefined && !EMAIL.test(email))
    throw badRequest('Invalid params: email must be an email address', 'invalid_params');
  if (phone !== undefined && !E164.test(phone))
    throw badRequest('Invalid params: phone must be in E.164 format, such as +14155550100', 'invalid_params');
}

/**
 * Completes `session` as the hosted checkout does: creates the customer unless the session names one,
 * starts the plan's subscription (replacing an active one) or adds the bundle's credit, marks the session
 * completed and sends the webhooks (`customer.created` for a new customer, then
 * `customer.wallet.balance.updated`).
 *
 * @throws LavaHttpError: 404 unknown session, 409 already completed or its plan or bundle gone, 410 expired,
 *   400 invalid contact details. Nothing changes when it throws.
 * @returns The customer id (`con_…`), which the page passes to `onSuccess` as `connectionId`.
 */
export function completeCheckoutSession(
  env: Env,
  session: CheckoutSessionRecord | undefined,
  contact: CheckoutContact = {},
): string {
  const { state } = env;
  if (!session) throw notFound('Checkout session');
  const id = session.checkout_session_id;
  const status = checkoutStatus(env, session);
  if (status === 'completed')
    throw new LavaHttpError(409, 'checkout_completed', `Checkout session ${id} is already completed`);
  if (status === 'expired')
    throw new LavaHttpError(410, 'checkout_expired', `Checkout session ${id} has expired`);
  const existing = session.customer_id ? state.customers.get(session.customer_id) : undefined;
  if (session.customer_id && !existing)
    throw new LavaHttpError(
      409,
      'customer_deleted',
      'The customer of this checkout session no longer exists',
    );
  if (!existing) checkContact(contact);
  // Check everything before changing anything, so a failed completion leaves no half-made customer.
  const plan = session.checkout_mode === 'subscription' ? state.plans.get(session.plan_id ?? '') : undefined;
  const bundle =
    session.checkout_mode === 'credit_bundle'
      ? state.creditBundles.get(session.credit_bundle_id ?? '')
      : undefined;
  if (session.checkout_mode === 'subscription' && !plan)
    throw new LavaHttpError(409, 'plan_deleted', 'The plan of this checkout session no longer exists');
  if (session.checkout_mode === 'credit_bundle') {
    if (!bundle || bundle.deleted)
      throw new LavaHttpError(
        409,
        'bundle_deleted',
        'The credit bundle of this checkout session no longer exists',
      );
    if (!existing || !activeSubscription(env, existing.customer_id))
      throw new LavaHttpError(
        409,
        'no_subscription',
        'The customer of this checkout session has no active plan',
      );
  }
  const at = env.now();
  let customer = existing;
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
  if (plan) {
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
  } else if (bundle) {
    const sub = activeSubscription(env, customer.customer_id);
    if (sub) sub.bundle_remaining += bundle.credit_amount;
  }
  session.customer_id = customer.customer_id;
  session.completed_at = at.toISOString();
  emitCustomerEvent(env, 'customer.wallet.balance.updated', customer);
  return customer.customer_id;
}
