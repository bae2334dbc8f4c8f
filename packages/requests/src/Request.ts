import * as v from 'valibot';

const TierType = v.picklist(['tokens_1m', 'characters_1m', 'minutes', 'requests']);

/** A usage record: one metered call, with its usage, provider cost and the customer charge. */
export const Request = v.looseObject({
  request_id: v.string(),
  status: v.picklist(['pending', 'completed', 'error']),
  customer_id: v.nullish(v.string()),
  meter_id: v.nullish(v.string()),
  provider: v.string(),
  provider_key_type: v.picklist(['managed', 'unmanaged', 'stored']),
  model: v.nullish(v.string()),
  endpoint: v.string(),
  response_id: v.nullish(v.string()),
  model_usage: v.looseObject({
    input_tokens: v.number(),
    output_tokens: v.number(),
    total_tokens: v.number(),
    input_characters: v.number(),
    output_characters: v.number(),
    total_characters: v.number(),
    input_seconds: v.number(),
    output_seconds: v.number(),
    total_seconds: v.number(),
    input_cost: v.string(),
    output_cost: v.string(),
    total_cost: v.string(),
  }),
  cost: v.string(),
  charge: v.looseObject({
    amount: v.string(),
    rate_type: v.picklist(['fixed', 'percentage']),
    breakdown: v.array(
      v.looseObject({
        tier: v.looseObject({ start: v.number(), rate: v.string(), type: TierType }),
        tokens: v.number(),
        characters: v.number(),
        seconds: v.number(),
        cost: v.string(),
      }),
    ),
  }),
  metadata: v.record(v.string(), v.string()),
  timestamp: v.nullish(v.string()),
  created_at: v.string(),
});
export type Request = v.InferOutput<typeof Request>;
