// The inspector's view of the emulator's state, as JSON. No secret leaves through it: no secret key, webhook
// secret, spend key or forward token (the inspector is unauthenticated, like the rest of the pages).
import { signWebhookBody } from '../deliver';
import { checkoutExpiresAt, checkoutStatus } from '../model/checkout';
import type { Model } from '../model/model';
import type { WebhookDelivery } from '../model/state';
import { formatAmount } from '../money';
import { activeSubscription } from '../views';

/** How many of the newest requests and deliveries the inspector lists (the counts cover all of them). */
export const INSPECTOR_LIST_LIMIT = 200;
/** Days of the usage chart, ending today (UTC). */
export const USAGE_DAYS = 14;
const DAY = 86_400_000;

// Maps and the delivery list keep insertion order, which is creation order.
const newestFirst = <T>(items: Iterable<T>): T[] => [...items].reverse();

async function signatureStatus(model: Model, delivery: Readonly<WebhookDelivery>) {
  if (delivery.signature === '') return 'pending';
  const webhook = model.state.webhooks.get(delivery.webhook_id);
  if (!webhook) return 'unknown';
  const expected = await signWebhookBody(webhook.webhook_secret, delivery.body);
  return expected === delivery.signature ? 'valid' : 'invalid';
}

/** Requests, tokens, cost and charge per UTC day over the last `USAGE_DAYS` days. */
function usageByDay(model: Model) {
  const today = Math.floor(model.now().getTime() / DAY) * DAY;
  const first = today - (USAGE_DAYS - 1) * DAY;
  const days = Array.from({ length: USAGE_DAYS }, (_, i) => ({
    date: new Date(first + i * DAY).toISOString().slice(0, 10),
    requests: 0,
    tokens: 0,
    cost: 0n,
    charge: 0n,
  }));
  for (const r of model.state.requests.values()) {
    const day = days[Math.floor((r.at - first) / DAY)];
    if (!day || r.at < first) continue;
    day.requests += 1;
    day.tokens += r.total_tokens;
    day.cost += r.cost;
    day.charge += r.charge;
  }
  return days.map((d) => ({ ...d, cost: formatAmount(d.cost), charge: formatAmount(d.charge) }));
}

/**
 * Everything the inspector page shows, newest first: the merchant wallet, customers with their plan and
 * credit, meters, plans, the request log, usage by day, webhook deliveries and checkout sessions.
 */
export async function inspectorState(model: Model, basePath: string) {
  const { state } = model;
  const requests = newestFirst(state.requests.values());
  const deliveries = newestFirst(state.deliveries).slice(0, INSPECTOR_LIST_LIMIT);
  let charged = 0n;
  for (const r of state.requests.values()) charged += r.charge;
  return {
    api_base_path: basePath,
    merchant: {
      merchant_id: state.merchant.merchant_id,
      wallet_id: state.merchant.wallet_id,
      balance: formatAmount(state.merchant.balance),
    },
    totals: {
      customers: state.customers.size,
      requests: state.requests.size,
      charged: formatAmount(charged),
      deliveries: state.deliveries.length,
      failed_deliveries: state.deliveries.filter((d) => d.status === 'failed').length,
    },
    customers: newestFirst(state.customers.values()).map((c) => {
      const sub = activeSubscription(model, c.customer_id);
      return {
        customer_id: c.customer_id,
        reference_id: c.reference_id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        metadata: c.metadata,
        created_at: c.created_at,
        plan: sub ? { plan_id: sub.plan_id, name: sub.plan.name, cycle_end_at: sub.cycle_end_at } : null,
        credit: sub
          ? {
              total: formatAmount(sub.cycle_remaining + sub.bundle_remaining),
              cycle: formatAmount(sub.cycle_remaining),
              bundle: formatAmount(sub.bundle_remaining),
            }
          : null,
      };
    }),
    meters: newestFirst(state.meters.values()).map((m) => ({
      meter_id: m.meter_id,
      meter_slug: m.meter_slug,
      name: m.name,
      rate_type: m.rate_type,
      tier_type: m.tier_type,
      tiers: m.tiers.map((t) => ({ start: t.start, rate: t.rate })),
    })),
    plans: newestFirst(state.plans.values()).map((p) => ({
      plan_id: p.plan_id,
      name: p.name,
      period_amount: formatAmount(p.period_amount),
      included_credit: formatAmount(p.included_credit),
      billing_interval: p.billing_interval,
      rollover_type: p.rollover_type,
      meters: p.meter_ids.flatMap((id) => state.meters.get(id)?.name ?? []),
      credit_bundles: [...state.creditBundles.values()]
        .filter((b) => b.plan_id === p.plan_id && !b.deleted)
        .map((b) => ({
          name: b.name,
          cost: formatAmount(b.cost),
          credit_amount: formatAmount(b.credit_amount),
        })),
    })),
    requests: requests.slice(0, INSPECTOR_LIST_LIMIT).map((r) => ({
      request_id: r.body.request_id,
      created_at: r.body.created_at,
      customer_id: r.customer_id,
      meter_slug: r.meter_id ? (state.meters.get(r.meter_id)?.meter_slug ?? r.meter_id) : null,
      status: r.body.status,
      provider: r.body.provider,
      model: r.body.model ?? null,
      endpoint: r.body.endpoint,
      tokens: r.total_tokens,
      cost: formatAmount(r.cost),
      charge: formatAmount(r.charge),
      raw_url: r.raw_url ?? null,
    })),
    usage: usageByDay(model),
    webhooks: newestFirst(state.webhooks.values()).map((w) => ({
      webhook_id: w.webhook_id,
      name: w.name,
      url: w.url,
    })),
    deliveries: await Promise.all(
      deliveries.map(async (d) => ({
        delivery_id: d.delivery_id,
        created_at: d.created_at,
        event: d.event,
        url: d.url,
        status: d.status,
        response_status: d.response_status ?? null,
        error: d.error ?? null,
        body: d.body,
        signature: d.signature,
        signature_status: await signatureStatus(model, d),
      })),
    ),
    checkout_sessions: newestFirst(state.checkoutSessions.values()).map((s) => {
      const status = checkoutStatus(model, s);
      return {
        checkout_session_id: s.checkout_session_id,
        checkout_mode: s.checkout_mode,
        origin_url: s.origin_url,
        plan: s.plan_id ? (state.plans.get(s.plan_id)?.name ?? s.plan_id) : null,
        credit_bundle: s.credit_bundle_id
          ? (state.creditBundles.get(s.credit_bundle_id)?.name ?? s.credit_bundle_id)
          : null,
        customer_id: s.customer_id ?? null,
        created_at: s.created_at,
        expires_at: checkoutExpiresAt(s).toISOString(),
        completed_at: s.completed_at ?? null,
        status,
        // The hosted page's path, relative to the emulator's origin; only while it can still be paid.
        hosted_page: status === 'open' ? `/embed/checkout/${s.secret}` : null,
      };
    }),
  };
}

export type InspectorState = Awaited<ReturnType<typeof inspectorState>>;
