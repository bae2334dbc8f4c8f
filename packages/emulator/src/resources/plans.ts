// Plans and subscriptions (lava-api.md §2.5, §2.6): included credit, credit bundles, free-plan subscriptions.
import type { Ctx, Route } from '../context';
import { emitCustomerEvent } from '../deliver';
import { badRequest, json, notFound } from '../http';
import { newId } from '../ids';
import { newestFirst, page } from '../pagination';
import type { CreditBundleRecord, PlanRecord, SubscriptionRecord } from '../store';
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
import {
  activeSubscription,
  addInterval,
  bundlesOf,
  findCustomer,
  planBody,
  refreshSubscription,
  subscriptionBody,
  subscriptionListBody,
} from '../views';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const ROLLOVER = ['full', 'none'] as const;
const MAX_AMOUNT = 10_000n * 10_000_000_000n;

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

export function planParam(ctx: Ctx, id = ctx.params.id ?? ''): PlanRecord {
  const plan = ctx.state.plans.get(id);
  if (!plan) throw notFound('Plan');
  return plan;
}

function readMeterIds(ctx: Ctx, body: Record<string, unknown>): string[] | undefined {
  const ids = optionalStringArray(body, 'meter_ids');
  if (ids === null) invalid('meter_ids must be an array of meter ids');
  for (const id of ids ?? []) if (!ctx.state.meters.has(id)) throw notFound(`Meter ${id}`);
  return ids ? [...new Set(ids)] : undefined;
}

interface BundleInput {
  credit_bundle_id?: string | undefined;
  name: string;
  cost: bigint;
  credit_amount: bigint;
  is_deleted: boolean;
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

function addBundle(ctx: Ctx, planId: string, input: BundleInput): CreditBundleRecord {
  const bundle: CreditBundleRecord = {
    credit_bundle_id: newId('cb_', ctx.env.now()),
    plan_id: planId,
    name: input.name,
    cost: input.cost,
    credit_amount: input.credit_amount,
    created_at: ctx.nowIso(),
    deleted: false,
  };
  ctx.state.creditBundles.set(bundle.credit_bundle_id, bundle);
  return bundle;
}

async function createPlan(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const name = requireString(body, 'name');
  const period_amount = requireDecimal(body, 'period_amount', { min: 0n, max: MAX_AMOUNT });
  const billing_interval = requireEnum(body, 'billing_interval', INTERVALS);
  const included_credit =
    optionalDecimal(body, 'included_credit', { min: 0n, max: MAX_AMOUNT }) ?? period_amount;
  const rollover_type = optionalEnum(body, 'rollover_type', ROLLOVER) ?? 'none';
  const bundle_rollover_type = optionalEnum(body, 'bundle_rollover_type', ROLLOVER) ?? 'none';
  const meter_ids = readMeterIds(ctx, body) ?? [];
  const bundles = readBundles(body.credit_bundles, false) ?? [];
  const index =
    body.default_auto_top_up_bundle_index === null
      ? undefined
      : optionalNumber(body, 'default_auto_top_up_bundle_index', { min: 0, integer: true });
  if (index !== undefined && index >= bundles.length) {
    invalid('default_auto_top_up_bundle_index must point into credit_bundles');
  }
  const plan: PlanRecord = {
    plan_id: newId('sc_', ctx.env.now()),
    name,
    period_amount,
    included_credit,
    billing_interval,
    rollover_type,
    bundle_rollover_type,
    default_auto_top_up_bundle_id: null,
    meter_ids,
    created_at: ctx.nowIso(),
  };
  ctx.state.plans.set(plan.plan_id, plan);
  const created = bundles.map((b) => addBundle(ctx, plan.plan_id, b));
  if (index !== undefined) plan.default_auto_top_up_bundle_id = created[index]?.credit_bundle_id ?? null;
  return json(planBody(ctx.env, plan));
}

async function updatePlan(ctx: Ctx): Promise<Response> {
  const plan = planParam(ctx);
  const body = await ctx.body();
  for (const key of ['period_amount', 'billing_interval'])
    if (body[key] !== undefined) invalid(`${key} cannot be changed`);
  const name = optionalString(body, 'name');
  const rollover_type = optionalEnum(body, 'rollover_type', ROLLOVER);
  const bundle_rollover_type = optionalEnum(body, 'bundle_rollover_type', ROLLOVER);
  const included_credit = optionalDecimal(body, 'included_credit', { min: 0n, max: MAX_AMOUNT });
  const meter_ids = readMeterIds(ctx, body);
  const bundles = readBundles(body.credit_bundles, true);
  for (const b of bundles ?? []) {
    if (b.credit_bundle_id) {
      const existing = ctx.state.creditBundles.get(b.credit_bundle_id);
      if (!existing || existing.deleted || existing.plan_id !== plan.plan_id)
        throw notFound(`Credit bundle ${b.credit_bundle_id}`);
    }
  }
  let topUp: string | null | undefined;
  if (body.default_auto_top_up_bundle_id === null) topUp = null;
  else topUp = optionalString(body, 'default_auto_top_up_bundle_id');
  if (name !== undefined) plan.name = name;
  if (rollover_type) plan.rollover_type = rollover_type;
  if (bundle_rollover_type) plan.bundle_rollover_type = bundle_rollover_type;
  if (included_credit !== undefined) plan.included_credit = included_credit;
  if (meter_ids) plan.meter_ids = meter_ids;
  for (const b of bundles ?? []) {
    const existing = b.credit_bundle_id ? ctx.state.creditBundles.get(b.credit_bundle_id) : undefined;
    if (!existing) addBundle(ctx, plan.plan_id, b);
    else if (b.is_deleted) {
      existing.deleted = true;
      if (plan.default_auto_top_up_bundle_id === existing.credit_bundle_id)
        plan.default_auto_top_up_bundle_id = null;
    } else Object.assign(existing, { name: b.name, cost: b.cost, credit_amount: b.credit_amount });
  }
  if (typeof topUp === 'string') {
    const bundle = ctx.state.creditBundles.get(topUp);
    if (!bundle || bundle.deleted || bundle.plan_id !== plan.plan_id) {
      invalid('default_auto_top_up_bundle_id must be a credit bundle of this plan');
    }
  }
  if (topUp !== undefined) plan.default_auto_top_up_bundle_id = topUp;
  return json(planBody(ctx.env, plan));
}

function deletePlan(ctx: Ctx): Response {
  const plan = planParam(ctx);
  ctx.state.plans.delete(plan.plan_id);
  for (const b of bundlesOf(ctx.env, plan.plan_id)) b.deleted = true;
  return json({ id: plan.plan_id, deleted: true });
}

function subscriptionParam(ctx: Ctx): SubscriptionRecord {
  const sub = ctx.state.subscriptions.get(ctx.params.id ?? '');
  if (!sub) throw notFound('Subscription');
  refreshSubscription(ctx.env, sub);
  return sub;
}

async function createSubscription(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const customerId = requireString(body, 'customer_id');
  const planId = requireString(body, 'plan_id');
  const customer = findCustomer(ctx.env, customerId);
  if (!customer) throw notFound('Customer');
  const plan = planParam(ctx, planId);
  if (plan.period_amount !== 0n) {
    throw badRequest(
      'Only free plans (period_amount "0") can be subscribed through the API; use a checkout session for paid plans',
      'paid_plan_requires_checkout',
    );
  }
  if (activeSubscription(ctx.env, customer.customer_id)) {
    throw badRequest('Customer already has an active subscription', 'subscription_exists');
  }
  const now = ctx.env.now();
  const sub: SubscriptionRecord = {
    subscription_id: newId('as_', now),
    customer_id: customer.customer_id,
    plan_id: plan.plan_id,
    status: 'active',
    auto_top_up_bundle_id: plan.default_auto_top_up_bundle_id,
    started_at: now.toISOString(),
    cancelled_at: null,
    cycle_start_at: now.toISOString(),
    cycle_end_at: addInterval(now, plan.billing_interval).toISOString(),
    cycle_remaining: plan.included_credit,
    bundle_remaining: 0n,
    pending_change: null,
    plan,
  };
  ctx.state.subscriptions.set(sub.subscription_id, sub);
  if (plan.included_credit > 0n) emitCustomerEvent(ctx.env, 'customer.wallet.balance.updated', customer);
  return json({ subscription: subscriptionBody(ctx.env, sub) });
}

function listSubscriptions(ctx: Ctx): Response {
  const status = ctx.query.get('status') ?? 'active';
  if (!['active', 'cancelled', 'all'].includes(status))
    invalid('status must be one of active, cancelled, all');
  const customerParam = ctx.query.get('customer_id');
  const customerId = customerParam
    ? (findCustomer(ctx.env, customerParam)?.customer_id ?? customerParam)
    : undefined;
  const subs = newestFirst(ctx.state.subscriptions.values()).filter((sub) => {
    refreshSubscription(ctx.env, sub);
    if (customerId && sub.customer_id !== customerId) return false;
    return status === 'all' || sub.status === status;
  });
  return json(
    page(
      subs,
      (s) => s.subscription_id,
      (s) => subscriptionListBody(ctx.env, s),
      ctx.query,
      10,
    ),
  );
}

async function updateSubscription(ctx: Ctx): Promise<Response> {
  const sub = subscriptionParam(ctx);
  const body = await ctx.body();
  if (!('auto_top_up_bundle_id' in body))
    invalid('auto_top_up_bundle_id is required (null disables auto top-up)');
  const bundleId = body.auto_top_up_bundle_id === null ? null : requireString(body, 'auto_top_up_bundle_id');
  if (bundleId !== null) {
    const bundle = ctx.state.creditBundles.get(bundleId);
    if (!bundle || bundle.deleted) throw notFound('Credit bundle');
    if (bundle.plan_id !== sub.plan_id)
      invalid('auto_top_up_bundle_id must be a credit bundle of the subscription plan');
  }
  sub.auto_top_up_bundle_id = bundleId;
  return json({ success: true });
}

function cancelSubscription(ctx: Ctx): Response {
  const sub = subscriptionParam(ctx);
  if (sub.status === 'active' && !sub.pending_change) {
    sub.pending_change = { type: 'cancellation', effective_at: sub.cycle_end_at };
  }
  return json({ success: true });
}

export const planRoutes: Route[] = [
  {
    method: 'GET',
    path: 'plans',
    auth: 'secret',
    handler: (ctx) =>
      json(
        page(
          newestFirst(ctx.state.plans.values()),
          (p) => p.plan_id,
          (p) => planBody(ctx.env, p),
          ctx.query,
          10,
        ),
      ),
  },
  { method: 'POST', path: 'plans', auth: 'secret', handler: createPlan },
  {
    method: 'GET',
    path: 'plans/:id',
    auth: 'secret',
    handler: (ctx) => json(planBody(ctx.env, planParam(ctx))),
  },
  { method: 'PATCH', path: 'plans/:id', auth: 'secret', handler: updatePlan },
  { method: 'DELETE', path: 'plans/:id', auth: 'secret', handler: deletePlan },
  { method: 'POST', path: 'subscriptions', auth: 'secret', handler: createSubscription },
  { method: 'GET', path: 'subscriptions', auth: 'secret', handler: listSubscriptions },
  { method: 'PATCH', path: 'subscriptions/:id', auth: 'secret', handler: updateSubscription },
  { method: 'DELETE', path: 'subscriptions/:id', auth: 'secret', handler: cancelSubscription },
];
