/**
 * Plans (what a customer subscribes to: price, included credit, billing interval) and subscriptions (a
 * customer on a plan), as one resource, like the official SDK.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { createLava } from '@lava-sdk/core';
 * import { createPlan, createSubscription } from '@lava-sdk/subscriptions';
 *
 * const lava = createLava(); // LAVA_SECRET_KEY from the environment
 * // A free plan; a paid one starts through a checkout session (@lava-sdk/checkout-sessions).
 * const plan = await createPlan(lava, { name: 'Free', period_amount: '0', billing_interval: 'month' });
 * if (plan.isOk()) {
 *   const created = await createSubscription(lava, { customer_id: 'con_123', plan_id: plan.value.plan_id });
 *   created.match((r) => console.log(r.subscription.subscription_id), (e) => console.error(e.kind, e.message));
 * }
 * ```
 */
export { cancelSubscription } from './cancelSubscription';
export { CreatePlanParams, createPlan, type NewCreditBundle } from './createPlan';
export { CreatedSubscription, CreateSubscriptionParams, createSubscription } from './createSubscription';
export { deletePlan } from './deletePlan';
export { ListPlansParams, listPlans, PlanList } from './listPlans';
export { ListSubscriptionsParams, listSubscriptions, SubscriptionList } from './listSubscriptions';
export { Plan, type PlanCreditBundle, type PlanLinkedMeter } from './Plan';
export { retrievePlan } from './retrievePlan';
export { Subscription, type SubscriptionCustomer } from './Subscription';
export { type CreditBundleChange, UpdatePlanParams, updatePlan } from './updatePlan';
export { UpdateSubscriptionParams, updateSubscription } from './updateSubscription';
