// Checkout sessions (lava-api.md §2.1, §9): opened through the API, completed when the customer pays on the
// hosted page. `completeCheckoutSession` is the one code path behind both `emulator.completeCheckout()` and
// the "Pay" button of the hosted page (`pages/checkoutPage.ts`).
import { badRequest, LavaHttpError, notFound } from '../http';
import { newId, randomString } from '../ids';
import { E164, EMAIL } from '../validate';
import { activeRecord } from './clock';
import { createCustomer } from './customers';
import { type Model, type Snapshot, write } from './model';
import { emit } from './outbox';
import type { CheckoutSessionRecord } from './state';
import { startSubscription } from './subscriptions';

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
export function checkoutExpiresAt(session: Snapshot<CheckoutSessionRecord>): Date {
  return new Date(Date.parse(session.created_at) + CHECKOUT_SESSION_TTL_MS);
}

export function checkoutStatus(
  model: Model,
  session: Snapshot<CheckoutSessionRecord>,
): CheckoutSessionStatus {
  if (session.completed_at) return 'completed';
  return model.now().getTime() >= checkoutExpiresAt(session).getTime() ? 'expired' : 'open';
}

/** The session whose hosted page is `embed/checkout/{secret}`. */
export function checkoutBySecret(model: Model, secret: string): Snapshot<CheckoutSessionRecord> | undefined {
  for (const session of model.state.checkoutSessions.values()) if (session.secret === secret) return session;
  return undefined;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** A checkout session to open; its references have been found. */
export interface NewCheckout {
  checkout_mode: 'subscription' | 'credit_bundle';
  origin_url: string;
  customer_id?: string | undefined;
  plan_id?: string | undefined;
  credit_bundle_id?: string | undefined;
  /** The origin that serves the hosted page (`GET /embed/checkout/{secret}`), as `https://host/`. */
  pageBase: string;
}

/** Opens a session; its token decodes to `{ secret, base }`, as Lava's do (lava-api.md §1.2). */
export function openCheckoutSession(model: Model, input: NewCheckout): CheckoutSessionRecord {
  const now = model.now();
  const secret = `css_test_${randomString(32)}`;
  const { pageBase, ...fields } = input;
  const session: CheckoutSessionRecord = {
    checkout_session_id: newId('cs_', now),
    checkout_session_token: base64(JSON.stringify({ secret, base: pageBase })),
    secret,
    checkout_mode: fields.checkout_mode,
    origin_url: fields.origin_url,
    ...(fields.checkout_mode === 'subscription'
      ? { plan_id: fields.plan_id }
      : { credit_bundle_id: fields.credit_bundle_id }),
    ...(fields.customer_id ? { customer_id: fields.customer_id } : {}),
    created_at: now.toISOString(),
  };
  write(model).state.checkoutSessions.set(session.checkout_session_id, session);
  return session;
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
  model: Model,
  sessionId: string,
  contact: CheckoutContact = {},
): string {
  const { state } = write(model);
  const session = state.checkoutSessions.get(sessionId);
  if (!session) throw notFound('Checkout session');
  const id = session.checkout_session_id;
  const status = checkoutStatus(model, session);
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
    if (!existing || !activeRecord(model, existing.customer_id))
      throw new LavaHttpError(
        409,
        'no_subscription',
        'The customer of this checkout session has no active plan',
      );
  }
  const at = model.now();
  const customer =
    existing ??
    createCustomer(model, {
      name: contact.name ?? null,
      email: contact.email ?? null,
      phone: contact.phone ?? '+14155550100',
    });
  if (plan) {
    const current = activeRecord(model, customer.customer_id);
    if (current) {
      current.status = 'cancelled';
      current.cancelled_at = at.toISOString();
    }
    startSubscription(model, customer.customer_id, plan);
  } else if (bundle) {
    const sub = activeRecord(model, customer.customer_id);
    if (sub) sub.bundle_remaining += bundle.credit_amount;
  }
  session.customer_id = customer.customer_id;
  session.completed_at = at.toISOString();
  emit(model, 'customer.wallet.balance.updated', customer.customer_id);
  return customer.customer_id;
}
