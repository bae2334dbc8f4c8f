import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createPlanWire, NonEmpty, oneOf, type ParamsOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Amount } from './Amount';
import { Plan } from './Plan';

const Rollover = oneOf(['full', 'none']);

/** Params of `createPlan`. */
export const CreatePlanParams = v.pipe(
  v.looseObject({
    name: NonEmpty,
    /** USD per billing interval; `"0"` makes a free plan. At most $10,000 per cycle. */
    period_amount: v.custom<string>(
      (s) => typeof s === 'string' && /^\d+(\.\d+)?$/.test(s) && Number(s) <= 10_000,
      'must be a non-negative decimal string such as "25.00", at most 10000 (USD per cycle)',
    ),
    billing_interval: oneOf(['day', 'week', 'month', 'year']),
    /** Defaults to `period_amount`. */
    included_credit: v.optional(Amount),
    rollover_type: v.optional(Rollover),
    bundle_rollover_type: v.optional(Rollover),
    meter_ids: v.optional(v.array(NonEmpty)),
    credit_bundles: v.optional(
      v.array(v.looseObject({ name: NonEmpty, cost: Amount, credit_amount: Amount })),
    ),
    /** Index into `credit_bundles` of the bundle bought automatically when credits run out. */
    default_auto_top_up_bundle_index: v.nullish(
      v.custom<number>((n) => Number.isInteger(n) && (n as number) >= 0, 'must be an integer, 0 or more'),
    ),
  }),
  // A rawCheck that puts the issue on the field itself (forward + check cost ~90 B gzip more).
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const params = dataset.value;
    const index = params.default_auto_top_up_bundle_index;
    if (typeof index === 'number' && index >= (params.credit_bundles?.length ?? 0))
      addIssue({
        message: 'must be the index of one of credit_bundles',
        path: [
          {
            type: 'object',
            origin: 'value',
            input: params,
            key: 'default_auto_top_up_bundle_index',
            value: index,
          },
        ],
      });
  }),
);
export type CreatePlanParams = ParamsOf<typeof CreatePlanParams>;

/**
 * Creates a plan (`POST /plans`), with optional linked meters and credit bundles.
 *
 * @param lava - The client context.
 * @param params - `name`, `period_amount`, `billing_interval`; optional `included_credit`, rollover
 *   types, `meter_ids`, `credit_bundles` and `default_auto_top_up_bundle_index`.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The plan, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * await createPlan(lava, {
 *   name: 'Pro',
 *   period_amount: '25.00',
 *   billing_interval: 'month',
 *   credit_bundles: [{ name: 'Top-up', cost: '10.00', credit_amount: '10.00' }],
 *   default_auto_top_up_bundle_index: 0,
 * });
 * ```
 */
export function createPlan(
  lava: LavaClient,
  params: CreatePlanParams,
  options?: CallOptions,
): ResultAsync<Plan, LavaError> {
  return request(lava, { wire: createPlanWire, params, input: CreatePlanParams, output: Plan }, options);
}
