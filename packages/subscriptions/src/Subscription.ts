import { SubscriptionBase } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** A subscription as `listSubscriptions` returns it: the base shape plus its customer. */
export const Subscription = v.looseObject({
  ...SubscriptionBase.entries,
  customer_id: v.string(),
  customer: v.looseObject({
    phone: v.string(),
    email: v.nullish(v.string()),
    first_name: v.nullish(v.string()),
    last_name: v.nullish(v.string()),
  }),
});
export type Subscription = v.InferOutput<typeof Subscription>;
