// REST shapes of the records, exactly as lava-api.md documents them.
import type { Env } from './context';
import { formatAmount } from './money';
import type {
  CreditBundleRecord,
  CustomerRecord,
  MeterRecord,
  PlanRecord,
  SubscriptionRecord,
  WebhookRecord,
} from './store';

function splitName(name: string | null): { first_name: string | null; last_name: string | null } {
  if (!name) return { first_name: null, last_name: null };
  const [first, ...rest] = name.trim().split(/\s+/);
  return { first_name: first ?? null, last_name: rest.length ? rest.join(' ') : null };
}

/** Advances a subscription's cycles up to now: renewals, rollovers, scheduled cancellations. */
export function refreshSubscription(env: Env, sub: SubscriptionRecord): void {
  const now = env.now().getTime();
  for (let guard = 0; guard < 10_000 && sub.status === 'active'; guard++) {
    const end = Date.parse(sub.cycle_end_at);
    if (now < end) return;
    if (sub.pending_change?.type === 'cancellation') {
      sub.status = 'cancelled';
      sub.cancelled_at = sub.pending_change.effective_at ?? sub.cycle_end_at;
      sub.pending_change = null;
      return;
    }
    const included = sub.plan.included_credit;
    sub.cycle_remaining = sub.plan.rollover_type === 'full' ? sub.cycle_remaining + included : included;
    if (sub.plan.bundle_rollover_type === 'none') sub.bundle_remaining = 0n;
    sub.cycle_start_at = sub.cycle_end_at;
    sub.cycle_end_at = addInterval(new Date(end), sub.plan.billing_interval).toISOString();
  }
}

export function addInterval(from: Date, interval: PlanRecord['billing_interval']): Date {
  const d = new Date(from.getTime());
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

/** The customer's active subscription, refreshed to now. */
export function activeSubscription(env: Env, customerId: string): SubscriptionRecord | undefined {
  for (const sub of env.state.subscriptions.values()) {
    if (sub.customer_id !== customerId) continue;
    refreshSubscription(env, sub);
    if (sub.status === 'active') return sub;
  }
  return undefined;
}

export function customerBody(env: Env, c: CustomerRecord): Record<string, unknown> {
  const sub = activeSubscription(env, c.customer_id);
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

export function subscriptionBody(env: Env, sub: SubscriptionRecord): Record<string, unknown> {
  refreshSubscription(env, sub);
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
export function subscriptionListBody(env: Env, sub: SubscriptionRecord): Record<string, unknown> {
  const c = env.state.customers.get(sub.customer_id);
  const names = splitName(c?.name ?? null);
  // null, not '', for a customer created without a phone (an email only), as Lava answers.
  const customer: Record<string, unknown> = { phone: c?.phone ?? null };
  if (c?.email) customer.email = c.email;
  if (names.first_name) customer.first_name = names.first_name;
  if (names.last_name) customer.last_name = names.last_name;
  return { ...subscriptionBody(env, sub), customer_id: sub.customer_id, customer };
}

export function meterBody(m: MeterRecord): Record<string, unknown> {
  return {
    meter_id: m.meter_id,
    meter_slug: m.meter_slug,
    name: m.name,
    rate_type: m.rate_type,
    tiers: m.tiers.map((t) => ({ start: t.start, rate: t.rate, type: m.tier_type })),
    created_at: m.created_at,
  };
}

export function bundlesOf(env: Env, planId: string): CreditBundleRecord[] {
  return [...env.state.creditBundles.values()].filter((b) => b.plan_id === planId && !b.deleted);
}

export function creditBundleBody(b: CreditBundleRecord): Record<string, unknown> {
  return {
    credit_bundle_id: b.credit_bundle_id,
    plan_id: b.plan_id,
    name: b.name,
    cost: formatAmount(b.cost),
    credit_amount: formatAmount(b.credit_amount),
    created_at: b.created_at,
  };
}

export function planBody(env: Env, p: PlanRecord): Record<string, unknown> {
  return {
    plan_id: p.plan_id,
    merchant_id: env.state.merchant.merchant_id,
    name: p.name,
    period_amount: formatAmount(p.period_amount),
    included_credit: formatAmount(p.included_credit),
    billing_interval: p.billing_interval,
    rollover_type: p.rollover_type,
    bundle_rollover_type: p.bundle_rollover_type,
    default_auto_top_up_bundle_id: p.default_auto_top_up_bundle_id,
    linked_meters: p.meter_ids.flatMap((id) => {
      const m = env.state.meters.get(id);
      return m ? [{ meter_id: m.meter_id, name: m.name }] : [];
    }),
    credit_bundles: bundlesOf(env, p.plan_id).map((b) => ({
      credit_bundle_id: b.credit_bundle_id,
      name: b.name,
      cost: formatAmount(b.cost),
      credit_amount: formatAmount(b.credit_amount),
    })),
    created_at: p.created_at,
  };
}

export function webhookBody(w: WebhookRecord): Record<string, unknown> {
  return { webhook_id: w.webhook_id, name: w.name, url: w.url, created_at: w.created_at };
}

/** A customer by `con_…` id or by the merchant's `reference_id`. */
export function findCustomer(env: Env, idOrReference: string): CustomerRecord | undefined {
  const direct = env.state.customers.get(idOrReference);
  if (direct) return direct;
  for (const c of env.state.customers.values()) if (c.reference_id === idOrReference) return c;
  return undefined;
}
