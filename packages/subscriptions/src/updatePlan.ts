import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { NonEmpty, oneOf, type ParamsOf, request, updatePlanWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Amount } from './Amount';
import { Plan } from './Plan';

const Rollover = oneOf(['full', 'none']);
const Immutable = v.optional(v.custom<never>(() => false, 'cannot be changed after the plan is created'));

/**
 * Params of `updatePlan`: a partial update. `meter_ids` replaces the linked meters. `credit_bundles` is
 * reconciled: an item with `credit_bundle_id` updates that bundle (or removes it with `is_deleted: true`),
 * an item without one creates a bundle. `period_amount` and `billing_interval` cannot change.
 */
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
export type UpdatePlanParams = ParamsOf<typeof UpdatePlanParams>;

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
