// The REST shapes of the records, exactly as lava-api.md documents them, and the lookups the handlers and
// commands share. Pure functions of the model's state and clock: nothing here changes anything.
import { subscriptionAt } from './model/clock';
import type { Model, Snapshot } from './model/model';
import type {
  CheckoutSessionRecord,
  CreditBundleRecord,
  CustomerRecord,
  MeterRecord,
  PlanRecord,
  SecretKeyRecord,
  SpendKeyRecord,
  SubscriptionRecord,
  WebhookRecord,
} from './model/state';
import { formatAmount } from './money';

type View<T> = Snapshot<T>;

function splitName(name: string | null): { first_name: string | null; last_name: string | null } {
  if (!name) return { first_name: null, last_name: null };
  const [first, ...rest] = name.trim().split(/\s+/);
  return { first_name: first ?? null, last_name: rest.length ? rest.join(' ') : null };
}

/** The customer's active subscription as it stands now (renewals and cancellations applied). */
export function activeSubscription(model: Model, customerId: string): View<SubscriptionRecord> | undefined {
  const now = model.now().getTime();
  for (const sub of model.state.subscriptions.values()) {
    if (sub.customer_id !== customerId) continue;
    const current = subscriptionAt(sub, now);
    if (current.status === 'active') return current;
  }
  return undefined;
}

/** A customer by `con_…` id or by the merchant's `reference_id`. */
export function findCustomer(model: Model, idOrReference: string): View<CustomerRecord> | undefined {
  const direct = model.state.customers.get(idOrReference);
  if (direct) return direct;
  for (const c of model.state.customers.values()) if (c.reference_id === idOrReference) return c;
  return undefined;
}

export function meterBySlug(model: Model, slug: string): View<MeterRecord> | undefined {
  for (const m of model.state.meters.values()) if (m.meter_slug === slug) return m;
  return undefined;
}

export function bundlesOf(model: Model, planId: string): View<CreditBundleRecord>[] {
  return [...model.state.creditBundles.values()].filter((b) => b.plan_id === planId && !b.deleted);
}

export function customerBody(model: Model, c: View<CustomerRecord>): Record<string, unknown> {
  const sub = activeSubscription(model, c.customer_id);
  return {
    customer_id: c.customer_id,
    reference_id: c.reference_id,
    contact: { phone: c.phone, email: c.email, ...splitName(c.name) },
    subscription: sub
      ? {
          subscription_id: sub.subscription_id,
          plan_id: sub.plan_id,
          name: sub.plan.name,
          status: sub.status,
        }
      : null,
    metadata: c.metadata,
    created_at: c.created_at,
  };
}

export function subscriptionBody(model: Model, stored: View<SubscriptionRecord>): Record<string, unknown> {
  const sub = subscriptionAt(stored, model.now().getTime());
  const plan = sub.plan;
  return {
    subscription_id: sub.subscription_id,
    plan_id: sub.plan_id,
    status: sub.status,
    auto_top_up_bundle_id: sub.auto_top_up_bundle_id,
    started_at: sub.started_at,
    cancelled_at: sub.cancelled_at,
    cycle_start_at: sub.status === 'active' ? sub.cycle_start_at : null,
    cycle_end_at: sub.status === 'active' ? sub.cycle_end_at : null,
    plan: {
      name: plan.name,
      period_amount: formatAmount(plan.period_amount),
      included_credit: formatAmount(plan.included_credit),
      billing_interval: plan.billing_interval,
      rollover_type: plan.rollover_type,
      bundle_rollover_type: plan.bundle_rollover_type,
    },
    credits: {
      total_remaining: formatAmount(sub.cycle_remaining + sub.bundle_remaining),
      cycle_remaining: formatAmount(sub.cycle_remaining),
      bundle_remaining: formatAmount(sub.bundle_remaining),
    },
    pending_change: sub.pending_change ? { ...sub.pending_change } : null,
  };
}

/** A subscription in `GET /subscriptions`: the base plus `customer_id` and the customer's contact. */
export function subscriptionListBody(model: Model, sub: View<SubscriptionRecord>): Record<string, unknown> {
  const c = model.state.customers.get(sub.customer_id);
  const names = splitName(c?.name ?? null);
  // null, not '', for a customer created without a phone (an email only), as Lava answers.
  const customer: Record<string, unknown> = { phone: c?.phone ?? null };
  if (c?.email) customer.email = c.email;
  if (names.first_name) customer.first_name = names.first_name;
  if (names.last_name) customer.last_name = names.last_name;
  return { ...subscriptionBody(model, sub), customer_id: sub.customer_id, customer };
}

export function meterBody(m: View<MeterRecord>): Record<string, unknown> {
  return {
    meter_id: m.meter_id,
    meter_slug: m.meter_slug,
    name: m.name,
    rate_type: m.rate_type,
    tiers: m.tiers.map((t) => ({ start: t.start, rate: t.rate, type: m.tier_type })),
    created_at: m.created_at,
  };
}

export function creditBundleBody(b: View<CreditBundleRecord>): Record<string, unknown> {
  return {
    credit_bundle_id: b.credit_bundle_id,
    plan_id: b.plan_id,
    name: b.name,
    cost: formatAmount(b.cost),
    credit_amount: formatAmount(b.credit_amount),
    created_at: b.created_at,
  };
}

export function planBody(model: Model, p: View<PlanRecord>): Record<string, unknown> {
  return {
    plan_id: p.plan_id,
    merchant_id: model.state.merchant.merchant_id,
    name: p.name,
    period_amount: formatAmount(p.period_amount),
    included_credit: formatAmount(p.included_credit),
    billing_interval: p.billing_interval,
    rollover_type: p.rollover_type,
    bundle_rollover_type: p.bundle_rollover_type,
    default_auto_top_up_bundle_id: p.default_auto_top_up_bundle_id,
    linked_meters: p.meter_ids.flatMap((id) => {
      const m = model.state.meters.get(id);
      return m ? [{ meter_id: m.meter_id, name: m.name }] : [];
    }),
    credit_bundles: bundlesOf(model, p.plan_id).map((b) => ({
      credit_bundle_id: b.credit_bundle_id,
      name: b.name,
      cost: formatAmount(b.cost),
      credit_amount: formatAmount(b.credit_amount),
    })),
    created_at: p.created_at,
  };
}

export function webhookBody(w: View<WebhookRecord>): Record<string, unknown> {
  return { webhook_id: w.webhook_id, name: w.name, url: w.url, created_at: w.created_at };
}

export function secretKeyBody(k: View<SecretKeyRecord>): Record<string, unknown> {
  return {
    secret_key_id: k.secret_key_id,
    name: k.name,
    secret_key_hint: k.secret_key.slice(-4),
    created_at: k.created_at,
  };
}

export function spendKeyBody(model: Model, k: View<SpendKeyRecord>): Record<string, unknown> {
  return {
    spend_key_id: k.spend_key_id,
    key_preview: `${k.key.slice(0, 16)}****`,
    name: k.name,
    status: k.status,
    request_shape: k.request_shape,
    wallet_id: model.state.merchant.wallet_id,
    allowed_models: k.allowed_models,
    allowed_providers: k.allowed_providers,
    spend_limit: k.spend_limit,
    current_spend: formatAmount(k.current_spend),
    total_spend: formatAmount(k.total_spend),
    request_limit: k.request_limit,
    current_requests: k.current_requests,
    total_requests: k.total_requests,
    rate_limit: k.rate_limit,
    expires_at: k.expires_at,
    last_used_at: k.last_used_at,
    created_at: k.created_at,
  };
}

export function checkoutBody(s: View<CheckoutSessionRecord>): Record<string, unknown> {
  return {
    checkout_session_id: s.checkout_session_id,
    checkout_session_token: s.checkout_session_token,
    checkout_mode: s.checkout_mode,
    origin_url: s.origin_url,
    ...(s.customer_id ? { customer_id: s.customer_id } : {}),
    ...(s.plan_id ? { plan_id: s.plan_id } : {}),
    created_at: s.created_at,
    ...(s.completed_at ? { completed_at: s.completed_at } : {}),
  };
}
