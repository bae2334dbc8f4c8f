// Type-level drop-in check: every argument the official SDK's types accept, ours accept too.
import type { Lava as OfficialLava } from '@lavapayments/nodejs';
import type { Lava } from 'lava-sdk';
import { expectTypeOf, it } from 'vitest';

type Resource =
  | 'checkoutSessions'
  | 'customers'
  | 'requests'
  | 'usage'
  | 'subscriptions'
  | 'meters'
  | 'creditBundles'
  | 'webhooks'
  | 'secretKeys'
  | 'spendKeys'
  | 'models';

type Fn = (...args: never[]) => unknown;

type Methods<R extends Resource> = keyof OfficialLava[R] & keyof Lava[R] & string;

type RejectedIn<R extends Resource> = {
  [M in Methods<R>]: OfficialLava[R][M] extends Fn
    ? Lava[R][M] extends Fn
      ? Parameters<OfficialLava[R][M]> extends Parameters<Lava[R][M]>
        ? never
        : `${R}.${M}`
      : `${R}.${M}`
    : never;
}[Methods<R>];

type OtherResultsIn<R extends Resource> = {
  [M in Methods<R>]: OfficialLava[R][M] extends Fn
    ? Lava[R][M] extends Fn
      ? Awaited<ReturnType<Lava[R][M]>> extends Awaited<ReturnType<OfficialLava[R][M]>>
        ? never
        : `${R}.${M}`
      : never
    : never;
}[Methods<R>];

/** `resource.method` names whose official arguments our method does not accept. */
export type RejectedArguments = Resource extends infer R
  ? R extends Resource
    ? RejectedIn<R>
    : never
  : never;
/** `resource.method` names whose resolved value is not assignable to the official one. */
export type OtherResults = Resource extends infer R
  ? R extends Resource
    ? OtherResultsIn<R>
    : never
  : never;
/** Official methods missing from ours. */
export type Missing = Resource extends infer R
  ? R extends Resource
    ? Exclude<keyof OfficialLava[R] & string, keyof Lava[R]>
    : never
  : never;

it('accepts every argument the official types accept, but for two deliberately stricter params', () => {
  // checkoutSessions.create: a union by checkout_mode (plan_id for subscription, credit_bundle_id and
  // customer_id for credit_bundle), where the official interface has both ids optional.
  // subscriptions.update: `auto_top_up_bundle_id` is required (null disables), not optional.
  expectTypeOf<[RejectedArguments]>().toEqualTypeOf<['checkoutSessions.create' | 'subscriptions.update']>();
  expectTypeOf<[Missing]>().toEqualTypeOf<[never]>();
  expectTypeOf<Parameters<OfficialLava['gateway']>>().toExtend<Parameters<Lava['gateway']>>();
  expectTypeOf<Parameters<OfficialLava['generateForwardToken']>>().toExtend<
    Parameters<Lava['generateForwardToken']>
  >();
  expectTypeOf<Parameters<typeof OfficialLava.exchangeAuthCode>>().toExtend<
    Parameters<typeof Lava.exchangeAuthCode>
  >();
  expectTypeOf<Parameters<typeof OfficialLava.login>>().toExtend<Parameters<typeof Lava.login>>();
  expectTypeOf<keyof OfficialLava['providers']>().toEqualTypeOf<keyof Lava['providers']>();
});

it('resolves the documented shapes, which are wider than some official result types', () => {
  // Lists: `next_cursor` may be null. Customers: contact fields may be null or absent. Requests and
  // checkout sessions: optional fields may be null. Response enums (and `object`) are open (`'active' | (string & {})`,
  // a value Lava adds later still parses), where the official types list literals only. The values are
  // the same JSON (migration.test.ts).
  expectTypeOf<[OtherResults]>().toEqualTypeOf<
    [
      | 'checkoutSessions.create'
      | 'customers.create'
      | 'customers.list'
      | 'customers.retrieve'
      | 'customers.update'
      | 'customers.getSubscription'
      | 'requests.list'
      | 'requests.create'
      | 'requests.retrieve'
      | 'subscriptions.listPlans'
      | 'subscriptions.retrievePlan'
      | 'subscriptions.createPlan'
      | 'subscriptions.updatePlan'
      | 'subscriptions.create'
      | 'subscriptions.list'
      | 'meters.list'
      | 'meters.retrieve'
      | 'meters.create'
      | 'meters.update'
      | 'creditBundles.list'
      | 'webhooks.list'
      | 'secretKeys.list'
      | 'spendKeys.list'
      | 'spendKeys.retrieve'
      | 'spendKeys.create'
      | 'spendKeys.update'
      | 'spendKeys.rotate'
      | 'models.list',
    ]
  >();
});
