import * as v from 'valibot';

/**
 * The customer object a webhook event carries: the REST `Customer` shape (`retrieveCustomer` of `@lava-sdk/customers`).
 * Defined here so this package depends on `@lava-sdk/core` only. Lava has not published an exact event
 * payload, so only `customer_id` is required; the other documented fields are typed but may be absent,
 * because a delivery rejected over a missing field could not be processed at all.
 */
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
      status: v.picklist(['active', 'cancelled']),
    }),
  ),
  metadata: v.nullish(v.record(v.string(), v.unknown())),
  created_at: v.nullish(v.string()),
});
export type WebhookCustomer = v.InferOutput<typeof WebhookCustomer>;
