import type { SubscriptionStatus } from '@lava-sdk/core';
import { AnyObject } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/**
 * The customer object a webhook event carries: the REST `Customer` shape (`retrieveCustomer` of `@lava-sdk/customers`).
 * Defined here so this package depends on `@lava-sdk/core` only. Lava has not published an exact event
 * payload, so only `customer_id` is required; the other documented fields are typed but may be absent,
 * because a delivery rejected over a missing field could not be processed at all.
 */
export interface WebhookCustomer {
  /** Lava's id for the customer (`con_…`). */
  customer_id: string;
  /** Your own id for the customer, if set. */
  reference_id?: string | null | undefined;
  /** Contact hints. */
  contact?:
    | {
        /** Phone number (E.164). */
        phone?: string | null | undefined;
        /** Email address. */
        email?: string | null | undefined;
        /** First name. */
        first_name?: string | null | undefined;
        /** Last name. */
        last_name?: string | null | undefined;
      }
    | null
    | undefined;
  /** The active subscription's summary; null when none. */
  subscription?:
    | {
        /** The subscription's id. */
        subscription_id: string;
        /** The plan it is on. */
        plan_id: string;
        /** The plan's name. */
        name: string;
        /** `active` or `cancelled`. */
        status: SubscriptionStatus;
      }
    | null
    | undefined;
  /** Your metadata. */
  metadata?: Record<string, unknown> | null | undefined;
  /** When the customer was created (ISO 8601). */
  created_at?: string | null | undefined;
}

/** Schema of {@link WebhookCustomer}. */
export const WebhookCustomer = v.looseObject({
  customer_id: v.string(),
  reference_id: v.nullish(v.string()),
  contact: v.nullish(
    v.looseObject({
      phone: v.nullish(v.string()),
      email: v.nullish(v.string()),
      first_name: v.nullish(v.string()),
      last_name: v.nullish(v.string()),
    }),
  ),
  subscription: v.nullish(
    v.looseObject({
      subscription_id: v.string(),
      plan_id: v.string(),
      name: v.string(),
      status: v.string(),
    }),
  ),
  metadata: v.nullish(AnyObject),
  created_at: v.nullish(v.string()),
});
