import type { SubscriptionStatus } from '@lava-sdk/core';
import { AnyObject } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** A customer's contact hints, used until they authenticate and to pre-fill checkout. */
export interface CustomerContact {
  /** Phone number in E.164 form (`+14155552671`); null when unknown. */
  phone?: string | null | undefined;
  /** Email address; null when unknown. */
  email?: string | null | undefined;
  /** First name, taken from the display name; null when unknown. */
  first_name?: string | null | undefined;
  /** Last name, taken from the display name; null when unknown. */
  last_name?: string | null | undefined;
}

/** The summary of a customer's active subscription. */
export interface CustomerSubscriptionSummary {
  /** The subscription's id. */
  subscription_id: string;
  /** The plan it is on. */
  plan_id: string;
  /** The plan's name. */
  name: string;
  /** `active` or `cancelled`. */
  status: SubscriptionStatus;
}

/** A customer, as every customer endpoint returns it. */
export interface Customer {
  /** Lava's id for the customer: `con_…` (`con_test_…` in the sandbox). */
  customer_id: string;
  /**
   * Your own id for the customer, set at creation; usable wherever a `customer_id` is. Null when none
   * was set (an older API version omitted the field: that reads as null too).
   */
  reference_id: string | null;
  /** Contact hints: phone, email and name. */
  contact: CustomerContact;
  /** The active subscription's summary; null when the customer has none. */
  subscription: CustomerSubscriptionSummary | null;
  /** Your key-value metadata (at most 16 KB serialized); null when none (or omitted by an older API). */
  metadata: Record<string, unknown> | null;
  /** When the customer was created (ISO 8601). */
  created_at: string;
}

/** Schema of {@link Customer}. */
export const Customer = v.looseObject({
  customer_id: v.string(),
  // Absent in an older copy of Lava's reference: read as null, as documented now.
  reference_id: v.nullish(v.string(), null),
  contact: v.looseObject({
    phone: v.nullish(v.string()),
    email: v.nullish(v.string()),
    first_name: v.nullish(v.string()),
    last_name: v.nullish(v.string()),
  }),
  subscription: v.nullish(
    v.looseObject({
      subscription_id: v.string(),
      plan_id: v.string(),
      name: v.string(),
      status: v.string(),
    }),
    null,
  ),
  metadata: v.nullish(AnyObject, null),
  created_at: v.string(),
});
