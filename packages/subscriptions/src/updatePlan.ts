import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { NonEmpty, oneOf, request, updatePlanWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Amount } from './Amount';
import { Plan } from './Plan';

const Rollover = oneOf(['full', 'none']);
const Immutable = v.optional(v.custom<never>(() => false, 'cannot be changed after the plan is created'));

/**
 * A change to a plan's credit bundles in `updatePlan`: with `credit_bundle_id`, that bundle is updated (or
 * removed, with `is_deleted: true`); without it, a bundle is created.
 */
export interface CreditBundleChange {
  /** The bundle to update or remove (`cb_…`); omitted: a new bundle. Required with `is_deleted`. */
  credit_bundle_id?: string | undefined;
  /** The bundle's name (not empty). */
  name: string;
  /** Its price in USD: a non-negative decimal string such as `"10.00"`. */
  cost: string;
  /** The credit it adds, in USD: a non-negative decimal string. */
  credit_amount: string;
  /** `true` removes the bundle `credit_bundle_id`. */
  is_deleted?: boolean | undefined;
}

/**
 * Params of `updatePlan`: a partial update; a field left out keeps its value. `meter_ids` replaces the
 * linked meters. `credit_bundles` is reconciled: an item with `credit_bundle_id` updates that bundle (or
 * removes it with `is_deleted: true`), an item without one creates a bundle. `period_amount` and
 * `billing_interval` cannot change.
 */
export interface UpdatePlanParams {
  /** A new name (not empty). */
  name?: string | undefined;
  /** Whether included credit left at the end of a cycle carries over: `full` or `none`. */
  rollover_type?: 'full' | 'none' | undefined;
  /** Whether credit bought in bundles and left at the end of a cycle carries over: `full` or `none`. */
  bundle_rollover_type?: 'full' | 'none' | undefined;
  /** The credit in USD a subscriber gets each cycle: a non-negative decimal string such as `"25.00"`. */
  included_credit?: string | undefined;
  /** The bundle bought automatically when a subscriber's credit runs out (`cb_…`); `null`: none. */
  default_auto_top_up_bundle_id?: string | null | undefined;
  /** The meters linked to the plan, by id (`prd_…`), replacing the current list (sent as `meter_ids`). */
  meter_ids?: readonly string[] | undefined;
  /**
   * Changes to the plan's credit bundles, reconciled item by item: with `credit_bundle_id`, that bundle is
   * updated (or removed, with `is_deleted: true`); without it, a bundle is created.
   */
  credit_bundles?: readonly CreditBundleChange[] | undefined;
  /** Fixed when the plan is created: refused here, before anything is sent. */
  period_amount?: undefined;
  /** Fixed when the plan is created: refused here, before anything is sent. */
  billing_interval?: undefined;
}

/** Schema of {@link UpdatePlanParams}. */
export const UpdatePlanParams = v.looseObject({
  name: v.optional(NonEmpty),
  rollover_type: v.optional(Rollover),
  bundle_rollover_type: v.optional(Rollover),
  included_credit: v.optional(Amount),
  default_auto_top_up_bundle_id: v.nullish(NonEmpty),
  meter_ids: v.optional(v.array(NonEmpty)),
  credit_bundles: v.optional(
    v.array(
      v.pipe(
        v.looseObject({
          credit_bundle_id: v.optional(NonEmpty),
          name: NonEmpty,
          cost: Amount,
          credit_amount: Amount,
          is_deleted: v.optional(v.boolean()),
        }),
        // A rawCheck that puts the issue on credit_bundle_id (forward + check cost ~90 B gzip more).
        v.rawCheck(({ dataset, addIssue }) => {
          if (!dataset.typed) return;
          const bundle = dataset.value;
          if (bundle.is_deleted === true && bundle.credit_bundle_id === undefined)
            addIssue({
              message: 'is required to delete a bundle (is_deleted: true)',
              path: [
                { type: 'object', origin: 'value', input: bundle, key: 'credit_bundle_id', value: undefined },
              ],
            });
        }),
      ),
    ),
  ),
  period_amount: Immutable,
  billing_interval: Immutable,
});

/**
 * Updates a plan (`PATCH /plans/{id}`).
 *
 * @param lava - The client context.
 * @param id - The plan id; percent-encoded into the path.
 * @param params - Any of `name`, rollover types, `included_credit`, `default_auto_top_up_bundle_id`
 *   (null clears it), `meter_ids` (full replacement) and `credit_bundles` (reconciled).
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The updated plan.
 * @example
 * ```ts
 * await updatePlan(lava, 'sc_123', {
 *   name: 'Pro (2026)',
 *   credit_bundles: [{ credit_bundle_id: 'cb_1', name: 'Top-up', cost: '10.00', credit_amount: '10.00', is_deleted: true }],
 * });
 * ```
 */
export function updatePlan(
  lava: LavaClient,
  id: string,
  params: UpdatePlanParams,
  options?: CallOptions,
): ResultAsync<Plan, LavaError> {
  return request(
    lava,
    { wire: updatePlanWire, path: [id], params, input: UpdatePlanParams, output: Plan },
    options,
  );
}
