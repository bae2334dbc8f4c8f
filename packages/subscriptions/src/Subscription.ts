import type { SubscriptionBase } from '@lava-sdk/core';
import { SubscriptionBase as SubscriptionBaseSchema } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** The contact details of a listed subscription's customer. */
export interface SubscriptionCustomer {
  /** Phone number (E.164); null for a customer created with an email only (absent reads as null). */
  phone: string | null;
  /** Email address, when known. */
  email?: string | null | undefined;
  /** First name, when known. */
  first_name?: string | null | undefined;
  /** Last name, when known. */
  last_name?: string | null | undefined;
}

/** A subscription as `listSubscriptions` returns it: the base shape plus its customer. */
export interface Subscription extends SubscriptionBase {
  /** The customer the subscription belongs to. */
  customer_id: string;
  /** That customer's contact details. */
  customer: SubscriptionCustomer;
}

/** Schema of {@link Subscription}. */
export const Subscription = v.looseObject({
  ...SubscriptionBaseSchema.entries,
  customer_id: v.string(),
  customer: v.looseObject({
    phone: v.nullish(v.string(), null),
    email: v.nullish(v.string()),
    first_name: v.nullish(v.string()),
    last_name: v.nullish(v.string()),
  }),
});
