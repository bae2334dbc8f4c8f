import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createPlanWire, NonEmpty, oneOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Amount } from './Amount';
import { Plan } from './Plan';

const Rollover = oneOf(['full', 'none']);

/** A credit bundle as `createPlan` creates it: extra credit a subscriber can buy. */
export interface NewCreditBundle {
  /** The bundle's name (not empty), such as `Top-up`. */
  name: string;
  /** Its price in USD: a non-negative decimal string such as `"10.00"`. */
  cost: string;
  /** The credit it adds, in USD: a non-negative decimal string. */
  credit_amount: string;
}

/**
 * Params of `createPlan`: a name, a price per billing interval, and optionally its credit, rollover, linked
 * meters (`meter_ids`) and credit bundles.
 */
export interface CreatePlanParams {
  /** The plan's name (required, not empty), such as `Pro`. */
  name: string;
  /**
   * The price per billing interval in USD (required): a non-negative decimal string such as `"25.00"`, at
   * most `"10000"`. `"0"` makes a free plan, which `createSubscription` can put customers on; a paid plan
   * starts only through checkout.
   */
  period_amount: string;
  /** How often the plan bills and renews its credit (required): `day`, `week`, `month` or `year`. */
  billing_interval: 'day' | 'week' | 'month' | 'year';
  /**
   * The credit in USD a customer gets each cycle: a non-negative decimal string, usually at most
   * `period_amount`, or `"0"`. Omitted: `period_amount`.
   */
  included_credit?: string | undefined;
  /** Whether included credit left at the end of a cycle carries over: `full` or `none`. Omitted: `none`. */
  rollover_type?: 'full' | 'none' | undefined;
  /**
   * Whether credit bought in bundles and left at the end of a cycle carries over: `full` or `none`. Lava's
   * default is unclear (its API reference says `none`, its plans guide `full`): pass it to be sure.
   */
  bundle_rollover_type?: 'full' | 'none' | undefined;
  /**
   * The meters linked to the plan, by id (`prd_…`): the meters its subscribers' usage may be billed with
   * (Lava enforces this entitlement on gateway calls). Sent as `meter_ids`; the returned plan lists them as
   * `linked_meters`.
   */
  meter_ids?: readonly string[] | undefined;
  /** Credit bundles customers on this plan can buy, created with the plan. */
  credit_bundles?: readonly NewCreditBundle[] | undefined;
  /**
   * The bundle bought automatically when a subscriber's credit runs out: an index into `credit_bundles`
   * (an integer from 0 to its length − 1). `null` or omitted: none.
   */
  default_auto_top_up_bundle_index?: number | null | undefined;
}

/** Schema of {@link CreatePlanParams}, with the check that the auto top-up index is in `credit_bundles`. */
export const CreatePlanParams = v.pipe(
  v.looseObject({
    name: NonEmpty,
    period_amount: v.custom<string>(
      (s) => typeof s === 'string' && /^\d+(\.\d+)?$/.test(s) && Number(s) <= 10_000,
      'must be a non-negative decimal string such as "25.00", at most 10000 (USD per cycle)',
    ),
    billing_interval: oneOf(['day', 'week', 'month', 'year']),
    included_credit: v.optional(Amount),
    rollover_type: v.optional(Rollover),
    bundle_rollover_type: v.optional(Rollover),
    meter_ids: v.optional(v.array(NonEmpty)),
    credit_bundles: v.optional(
      v.array(v.looseObject({ name: NonEmpty, cost: Amount, credit_amount: Amount })),
    ),
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
