// Plans and their credit bundles (lava-api.md §2.5, §2.8): bundles are created, edited and removed through
// the plan; deleting a plan deletes its bundles.
import { badRequest, notFound } from '../http';
import { newId } from '../ids';
import { bundlesOf } from '../views';
import { type Model, write } from './model';
import type { CreditBundleRecord, PlanRecord, Rollover } from './state';

/** A credit bundle of a create or update: an id edits (or, with `is_deleted`, removes) that bundle. */
export interface BundleInput {
  credit_bundle_id?: string | undefined;
  name: string;
  cost: bigint;
  credit_amount: bigint;
  is_deleted: boolean;
}

export interface NewPlan
  extends Omit<PlanRecord, 'plan_id' | 'created_at' | 'default_auto_top_up_bundle_id'> {
  credit_bundles: BundleInput[];
  /** Which of `credit_bundles` tops up automatically. */
  default_auto_top_up_bundle_index?: number | undefined;
}

export interface PlanPatch {
  name?: string | undefined;
  rollover_type?: Rollover | undefined;
  bundle_rollover_type?: Rollover | undefined;
  included_credit?: bigint | undefined;
  meter_ids?: string[] | undefined;
  credit_bundles?: BundleInput[] | undefined;
  default_auto_top_up_bundle_id?: string | null | undefined;
}

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

function addBundle(model: Model, planId: string, input: BundleInput): CreditBundleRecord {
  const bundle: CreditBundleRecord = {
    credit_bundle_id: newId('cb_', model.now()),
    plan_id: planId,
    name: input.name,
    cost: input.cost,
    credit_amount: input.credit_amount,
    created_at: model.now().toISOString(),
    deleted: false,
  };
  write(model).state.creditBundles.set(bundle.credit_bundle_id, bundle);
  return bundle;
}

export function createPlan(model: Model, input: NewPlan): PlanRecord {
  const { credit_bundles, default_auto_top_up_bundle_index: index, ...fields } = input;
  if (index !== undefined && index >= credit_bundles.length) {
    invalid('default_auto_top_up_bundle_index must point into credit_bundles');
  }
  const plan: PlanRecord = {
    ...fields,
    plan_id: newId('sc_', model.now()),
    default_auto_top_up_bundle_id: null,
    created_at: model.now().toISOString(),
  };
  write(model).state.plans.set(plan.plan_id, plan);
  const created = credit_bundles.map((b) => addBundle(model, plan.plan_id, b));
  if (index !== undefined) plan.default_auto_top_up_bundle_id = created[index]?.credit_bundle_id ?? null;
  return plan;
}

/**
 * Applies a partial update; `credit_bundles` reconciles (an item with an id edits or removes that bundle of
 * the plan, one without adds a bundle). Everything is checked before anything changes.
 */
export function updatePlan(model: Model, planId: string, patch: PlanPatch): void {
  const { state } = write(model);
  const plan = state.plans.get(planId);
  if (!plan) throw notFound('Plan');
  const removed = new Set<string>();
  for (const b of patch.credit_bundles ?? []) {
    if (!b.credit_bundle_id) continue;
    const existing = state.creditBundles.get(b.credit_bundle_id);
    if (!existing || existing.deleted || existing.plan_id !== planId)
      throw notFound(`Credit bundle ${b.credit_bundle_id}`);
    if (b.is_deleted) removed.add(b.credit_bundle_id);
  }
  const topUp = patch.default_auto_top_up_bundle_id;
  if (typeof topUp === 'string') {
    const bundle = state.creditBundles.get(topUp);
    if (!bundle || bundle.deleted || bundle.plan_id !== planId || removed.has(topUp)) {
      invalid('default_auto_top_up_bundle_id must be a credit bundle of this plan');
    }
  }
  if (patch.name !== undefined) plan.name = patch.name;
  if (patch.rollover_type) plan.rollover_type = patch.rollover_type;
  if (patch.bundle_rollover_type) plan.bundle_rollover_type = patch.bundle_rollover_type;
  if (patch.included_credit !== undefined) plan.included_credit = patch.included_credit;
  if (patch.meter_ids) plan.meter_ids = patch.meter_ids;
  for (const b of patch.credit_bundles ?? []) {
    const existing = b.credit_bundle_id ? state.creditBundles.get(b.credit_bundle_id) : undefined;
    if (!existing) addBundle(model, planId, b);
    else if (b.is_deleted) {
      existing.deleted = true;
      if (plan.default_auto_top_up_bundle_id === existing.credit_bundle_id)
        plan.default_auto_top_up_bundle_id = null;
    } else Object.assign(existing, { name: b.name, cost: b.cost, credit_amount: b.credit_amount });
  }
  if (topUp !== undefined) plan.default_auto_top_up_bundle_id = topUp;
}

/** Deletes a plan and its credit bundles; its subscriptions keep their snapshot of it. */
export function deletePlan(model: Model, planId: string): void {
  const { state } = write(model);
  for (const b of bundlesOf(model, planId)) {
    const bundle = state.creditBundles.get(b.credit_bundle_id);
    if (bundle) bundle.deleted = true;
  }
  state.plans.delete(planId);
}
