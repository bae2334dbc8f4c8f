// Subscriptions (lava-api.md §2.6): free plans through the API (paid ones through checkout), auto top-up,
// cancellation at the end of the cycle.
import { badRequest, notFound } from '../http';
import { newId } from '../ids';
import { activeRecord, addInterval, advanceClock } from './clock';
import { type Model, write } from './model';
import { emit } from './outbox';
import type { PlanRecord, SubscriptionRecord } from './state';

/** Starts `plan` for the customer now; its included credit is the first cycle's. */
export function startSubscription(model: Model, customerId: string, plan: PlanRecord): SubscriptionRecord {
  const now = model.now();
  const sub: SubscriptionRecord = {
    subscription_id: newId('as_', now),
    customer_id: customerId,
    plan_id: plan.plan_id,
    status: 'active',
    auto_top_up_bundle_id: plan.default_auto_top_up_bundle_id,
    started_at: now.toISOString(),
    cancelled_at: null,
    cycle_start_at: now.toISOString(),
    cycle_end_at: addInterval(now, plan.billing_interval).toISOString(),
    cycle_remaining: plan.included_credit,
    bundle_remaining: 0n,
    pending_change: null,
    plan,
  };
  write(model).state.subscriptions.set(sub.subscription_id, sub);
  return sub;
}

/** `POST /subscriptions`: a free plan only, for a customer without an active subscription. */
export function createSubscription(model: Model, customerId: string, planId: string): SubscriptionRecord {
  const plan = write(model).state.plans.get(planId);
  if (!plan) throw notFound('Plan');
  if (plan.period_amount !== 0n) {
    throw badRequest(
      'Only free plans (period_amount "0") can be subscribed through the API; use a checkout session for paid plans',
      'paid_plan_requires_checkout',
    );
  }
  if (activeRecord(model, customerId)) {
    throw badRequest('Customer already has an active subscription', 'subscription_exists');
  }
  const sub = startSubscription(model, customerId, plan);
  if (plan.included_credit > 0n) emit(model, 'customer.wallet.balance.updated', customerId);
  return sub;
}

function subscription(model: Model, subscriptionId: string): SubscriptionRecord {
  advanceClock(model);
  const sub = write(model).state.subscriptions.get(subscriptionId);
  if (!sub) throw notFound('Subscription');
  return sub;
}

/** Sets (or, with null, clears) the bundle that tops the subscription up; it must be one of its plan's. */
export function setAutoTopUp(model: Model, subscriptionId: string, bundleId: string | null): void {
  const sub = subscription(model, subscriptionId);
  if (bundleId !== null) {
    const bundle = model.state.creditBundles.get(bundleId);
    if (!bundle || bundle.deleted) throw notFound('Credit bundle');
    if (bundle.plan_id !== sub.plan_id) {
      throw badRequest(
        'Invalid params: auto_top_up_bundle_id must be a credit bundle of the subscription plan',
        'invalid_params',
      );
    }
  }
  sub.auto_top_up_bundle_id = bundleId;
}

/** Schedules the cancellation at the end of the current cycle (once). */
export function cancelSubscription(model: Model, subscriptionId: string): void {
  const sub = subscription(model, subscriptionId);
  if (sub.status === 'active' && !sub.pending_change) {
    sub.pending_change = { type: 'cancellation', effective_at: sub.cycle_end_at };
  }
}
