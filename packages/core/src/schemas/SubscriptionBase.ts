import * as v from 'valibot';

/** A subscription's status; Lava may add values, so handle the ones you know and pass on the rest. */
export type SubscriptionStatus = 'active' | 'cancelled' | (string & {});
/** How often a plan bills: `day`, `week`, `month` or `year` (or a value Lava adds later). */
export type BillingInterval = 'day' | 'week' | 'month' | 'year' | (string & {});
/** Whether unused credit carries over to the next cycle (`full`) or expires (`none`). */
export type RolloverType = 'full' | 'none' | (string & {});

/** The plan a subscription is on, as a subscription carries it. */
export interface SubscriptionPlan {
  /** The plan's display name. */
  name: string;
  /** Price per billing cycle in USD, a decimal string (`"25.00"`; `"0"` for a free plan). */
  period_amount: string;
  /** Usage credit included in each cycle, in USD, a decimal string. */
  included_credit: string;
  /** How often the plan bills. */
  billing_interval: BillingInterval;
  /** Whether unused included credit rolls over to the next cycle. */
  rollover_type: RolloverType;
  /** Whether unused credit bought in bundles rolls over to the next cycle. */
  bundle_rollover_type: RolloverType;
}

/** The credit left on a subscription, in USD decimal strings. */
export interface SubscriptionCredits {
  /** Everything still available: the cycle's credit plus bundle credit. */
  total_remaining: string;
  /** What is left of this cycle's included credit. */
  cycle_remaining: string;
  /** What is left of credit bought in bundles. */
  bundle_remaining: string;
}

/** A change scheduled for the end of the cycle: a cancellation, or a downgrade to another plan. */
export interface PendingChange {
  /** `cancellation` or `downgrade` (or a kind Lava adds later). */
  type: 'cancellation' | 'downgrade' | (string & {});
  /** When the change takes effect (ISO 8601); null when not yet known. */
  effective_at: string | null;
  /** The plan a downgrade moves to. */
  plan_id?: string | null | undefined;
  /** The name of the plan a downgrade moves to. */
  name?: string | null | undefined;
  /** The price per cycle of the plan a downgrade moves to (USD decimal string). */
  period_amount?: string | null | undefined;
  /** The included credit of the plan a downgrade moves to (USD decimal string). */
  included_credit?: string | null | undefined;
}

/**
 * A customer's subscription with its plan, remaining credits and any pending change, as
 * `getCustomerSubscription` and `createSubscription` return it.
 */
export interface SubscriptionBase {
  /** The subscription's id. */
  subscription_id: string;
  /** The plan the subscription is on. */
  plan_id: string;
  /** `active` or `cancelled`. A scheduled cancellation keeps it `active` until `pending_change` applies. */
  status: SubscriptionStatus;
  /** The credit bundle bought automatically when the cycle's credit runs out; null when disabled. */
  auto_top_up_bundle_id: string | null;
  /** When the subscription started (ISO 8601). */
  started_at: string;
  /** When it was cancelled (ISO 8601); null while active. */
  cancelled_at: string | null;
  /** Start of the current billing cycle (ISO 8601); null when not active. */
  cycle_start_at: string | null;
  /** End of the current billing cycle (ISO 8601); null when not active. */
  cycle_end_at: string | null;
  /** The plan's name, price, credit and rollover rules. */
  plan: SubscriptionPlan;
  /** The credit left. */
  credits: SubscriptionCredits;
  /** A cancellation or downgrade scheduled for the end of the cycle; null when none. */
  pending_change: PendingChange | null;
}

// Response enums are plain strings at runtime: a value Lava adds later must not fail the whole response.
const Rollover = v.string();
// Documented `| null`: null or absent, read as null. Documented `?`: null or absent, kept as sent.
const Nullable = v.nullish(v.string(), null);
const Optional = v.nullish(v.string());

/** Schema of {@link SubscriptionBase}. */
export const SubscriptionBase = v.looseObject({
  subscription_id: v.string(),
  plan_id: v.string(),
  status: v.string(),
  auto_top_up_bundle_id: Nullable,
  started_at: v.string(),
  cancelled_at: Nullable,
  cycle_start_at: Nullable,
  cycle_end_at: Nullable,
  plan: v.looseObject({
    name: v.string(),
    period_amount: v.string(),
    included_credit: v.string(),
    billing_interval: v.string(),
    rollover_type: Rollover,
    bundle_rollover_type: Rollover,
  }),
  credits: v.looseObject({
    total_remaining: v.string(),
    cycle_remaining: v.string(),
    bundle_remaining: v.string(),
  }),
  pending_change: v.nullish(
    v.looseObject({
      type: v.string(),
      effective_at: Nullable,
      plan_id: Optional,
      name: Optional,
      period_amount: Optional,
      included_credit: Optional,
    }),
    null,
  ),
});
