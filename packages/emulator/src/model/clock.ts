// Time: billing cycles renew, credit rolls over and scheduled cancellations take effect as the clock passes
// a cycle's end. `subscriptionAt` computes that (pure, for the views); `advanceClock` stores it (a command).
import { type Model, type Snapshot, write } from './model';
import type { PlanRecord, SubscriptionRecord } from './state';

export function addInterval(from: Date, interval: PlanRecord['billing_interval']): Date {
  const d = new Date(from.getTime());
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

/**
 * The subscription as it stands at `now`: each cycle that ended renewed (the plan's credit added or reset,
 * bundle credit kept or dropped), or a scheduled cancellation applied. The same object when nothing ended.
 */
export function subscriptionAt<S extends Snapshot<SubscriptionRecord>>(sub: S, now: number): S {
  if (sub.status !== 'active' || now < Date.parse(sub.cycle_end_at)) return sub;
  const next = { ...sub } as { -readonly [K in keyof S]: S[K] };
  for (let guard = 0; guard < 10_000 && next.status === 'active'; guard++) {
    const end = Date.parse(next.cycle_end_at);
    if (now < end) break;
    if (next.pending_change?.type === 'cancellation') {
      next.status = 'cancelled';
      next.cancelled_at = next.pending_change.effective_at ?? next.cycle_end_at;
      next.pending_change = null;
      break;
    }
    const included = next.plan.included_credit;
    next.cycle_remaining = next.plan.rollover_type === 'full' ? next.cycle_remaining + included : included;
    if (next.plan.bundle_rollover_type === 'none') next.bundle_remaining = 0n;
    next.cycle_start_at = next.cycle_end_at;
    next.cycle_end_at = addInterval(new Date(end), next.plan.billing_interval).toISOString();
  }
  return next;
}

/** Stores every subscription as it stands now; commands run it before they read a subscription. */
export function advanceClock(model: Model): void {
  const now = model.now().getTime();
  for (const sub of write(model).state.subscriptions.values()) Object.assign(sub, subscriptionAt(sub, now));
}

/** The customer's active subscription, advanced to now: the record a command may change. */
export function activeRecord(model: Model, customerId: string): SubscriptionRecord | undefined {
  advanceClock(model);
  for (const sub of write(model).state.subscriptions.values()) {
    if (sub.customer_id === customerId && sub.status === 'active') return sub;
  }
  return undefined;
}
