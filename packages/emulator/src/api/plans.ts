// Plans and subscriptions (lava-api.md §2.5, §2.6): included credit, credit bundles, free-plan subscriptions.
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import { subscriptionAt } from '../model/clock';
import type { Snapshot } from '../model/model';
import { type BundleInput, createPlan, deletePlan, updatePlan } from '../model/plans';
import type { PlanRecord, SubscriptionRecord } from '../model/state';
import { cancelSubscription, createSubscription, setAutoTopUp } from '../model/subscriptions';
import { newestFirst, page } from '../pagination';
import {
  isPlainObject,
  optionalBoolean,
  optionalDecimal,
  optionalEnum,
  optionalNumber,
  optionalString,
  optionalStringArray,
  requireDecimal,
  requireEnum,
  requireString,
} from '../validate';
import { findCustomer, planBody, subscriptionBody, subscriptionListBody } from '../views';
import { customerParam } from './customers';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const ROLLOVER = ['full', 'none'] as const;
const MAX_AMOUNT = 10_000n * 10_000_000_000n;

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

function planParam(ctx: Ctx): Snapshot<PlanRecord> {
  const plan = ctx.model.state.plans.get(ctx.params.plan_id ?? '');
  if (!plan) throw notFound('Plan');
  return plan;
}

function subscriptionParam(ctx: Ctx): Snapshot<SubscriptionRecord> {
  const sub = ctx.model.state.subscriptions.get(ctx.params.subscription_id ?? '');
  if (!sub) throw notFound('Subscription');
  return sub;
}

/** `meter_ids`: every meter must exist (404 names the first that does not). */
function readMeterIds(ctx: Ctx, body: Record<string, unknown>): string[] | undefined {
  const ids = optionalStringArray(body, 'meter_ids');
  if (ids === null) invalid('meter_ids must be an array of meter ids');
  for (const id of ids ?? []) if (!ctx.model.state.meters.has(id)) throw notFound(`Meter ${id}`);
  return ids ? [...new Set(ids)] : undefined;
}

function readBundles(value: unknown, allowIds: boolean): BundleInput[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) invalid('credit_bundles must be an array');
  if (value.length > 50) invalid('credit_bundles must have at most 50 entries');
  return value.map((item, i) => {
    if (!isPlainObject(item)) invalid(`credit_bundles.${i} must be an object`);
    const id = allowIds ? optionalString(item, 'credit_bundle_id') : undefined;
    const deleted = allowIds ? (optionalBoolean(item, 'is_deleted') ?? false) : false;
    if (deleted && !id) invalid(`credit_bundles.${i}: is_deleted needs a credit_bundle_id`);
    return {
      credit_bundle_id: id,
      name: deleted && item.name === undefined ? '' : requireString(item, 'name'),
      cost:
        deleted && item.cost === undefined ? 0n : requireDecimal(item, 'cost', { min: 0n, max: MAX_AMOUNT }),
      credit_amount:
        deleted && item.credit_amount === undefined ? 0n : requireDecimal(item, 'credit_amount', { min: 0n }),
      is_deleted: deleted,
    };
  });
}

export const planHandlers = {
  listPlans: (ctx: Ctx) =>
    json(
      page(
        newestFirst(ctx.model.state.plans.values()),
        (p) => p.plan_id,
        (p) => planBody(ctx.model, p),
        ctx.query,
        10,
      ),
    ),
  retrievePlan: (ctx: Ctx) => json(planBody(ctx.model, planParam(ctx))),
  createPlan(ctx: Ctx) {
    const body = ctx.body();
    const name = requireString(body, 'name');
    const period_amount = requireDecimal(body, 'period_amount', { min: 0n, max: MAX_AMOUNT });
    const billing_interval = requireEnum(body, 'billing_interval', INTERVALS);
    const plan = createPlan(ctx.model, {
      name,
      period_amount,
      billing_interval,
      included_credit:
        optionalDecimal(body, 'included_credit', { min: 0n, max: MAX_AMOUNT }) ?? period_amount,
      rollover_type: optionalEnum(body, 'rollover_type', ROLLOVER) ?? 'none',
      bundle_rollover_type: optionalEnum(body, 'bundle_rollover_type', ROLLOVER) ?? 'none',
      meter_ids: readMeterIds(ctx, body) ?? [],
      credit_bundles: readBundles(body.credit_bundles, false) ?? [],
      default_auto_top_up_bundle_index:
        body.default_auto_top_up_bundle_index === null
          ? undefined
          : optionalNumber(body, 'default_auto_top_up_bundle_index', { min: 0, integer: true }),
    });
    return json(planBody(ctx.model, plan));
  },
  updatePlan(ctx: Ctx) {
    const plan = planParam(ctx);
    const body = ctx.body();
    for (const key of ['period_amount', 'billing_interval'])
      if (body[key] !== undefined) invalid(`${key} cannot be changed`);
    updatePlan(ctx.model, plan.plan_id, {
      name: optionalString(body, 'name'),
      rollover_type: optionalEnum(body, 'rollover_type', ROLLOVER),
      bundle_rollover_type: optionalEnum(body, 'bundle_rollover_type', ROLLOVER),
      included_credit: optionalDecimal(body, 'included_credit', { min: 0n, max: MAX_AMOUNT }),
      meter_ids: readMeterIds(ctx, body),
      credit_bundles: readBundles(body.credit_bundles, true),
      default_auto_top_up_bundle_id:
        body.default_auto_top_up_bundle_id === null
          ? null
          : optionalString(body, 'default_auto_top_up_bundle_id'),
    });
    return json(planBody(ctx.model, plan));
  },
  deletePlan(ctx: Ctx) {
    const plan = planParam(ctx);
    deletePlan(ctx.model, plan.plan_id);
    return json({ id: plan.plan_id, deleted: true });
  },
  createSubscription(ctx: Ctx) {
    const body = ctx.body();
    const customerId = requireString(body, 'customer_id');
    const planId = requireString(body, 'plan_id');
    const customer = customerParam(ctx, customerId);
    const sub = createSubscription(ctx.model, customer.customer_id, planId);
    return json({ subscription: subscriptionBody(ctx.model, sub) });
  },
  listSubscriptions(ctx: Ctx) {
    const status = ctx.query.get('status') ?? 'active';
    if (!['active', 'cancelled', 'all'].includes(status))
      invalid('status must be one of active, cancelled, all');
    const customerQuery = ctx.query.get('customer_id');
    const customerId = customerQuery
      ? (findCustomer(ctx.model, customerQuery)?.customer_id ?? customerQuery)
      : undefined;
    const now = ctx.model.now().getTime();
    const subs = newestFirst(ctx.model.state.subscriptions.values()).filter((sub) => {
      if (customerId && sub.customer_id !== customerId) return false;
      return status === 'all' || subscriptionAt(sub, now).status === status;
    });
    return json(
      page(
        subs,
        (s) => s.subscription_id,
        (s) => subscriptionListBody(ctx.model, s),
        ctx.query,
        10,
      ),
    );
  },
  updateSubscription(ctx: Ctx) {
    const sub = subscriptionParam(ctx);
    const body = ctx.body();
    if (!('auto_top_up_bundle_id' in body))
      invalid('auto_top_up_bundle_id is required (null disables auto top-up)');
    const bundleId =
      body.auto_top_up_bundle_id === null ? null : requireString(body, 'auto_top_up_bundle_id');
    setAutoTopUp(ctx.model, sub.subscription_id, bundleId);
    return json({ success: true });
  },
  cancelSubscription(ctx: Ctx) {
    cancelSubscription(ctx.model, subscriptionParam(ctx).subscription_id);
    return json({ success: true });
  },
};
