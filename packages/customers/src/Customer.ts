import * as v from 'valibot';

/** A customer as Lava returns it. */
export const Customer = v.looseObject({
  customer_id: v.string(),
  reference_id: v.nullable(v.string()),
  contact: v.looseObject({
    phone: v.nullish(v.string()),
    email: v.nullish(v.string()),
    first_name: v.nullish(v.string()),
    last_name: v.nullish(v.string()),
  }),
  subscription: v.nullable(
    v.looseObject({
      subscription_id: v.string(),
      plan_id: v.string(),
      name: v.string(),
      status: v.picklist(['active', 'cancelled']),
    }),
  ),
  metadata: v.nullable(v.record(v.string(), v.unknown())),
  created_at: v.string(),
});
export type Customer = v.InferOutput<typeof Customer>;
