import * as v from 'valibot';

const Cycle = v.picklist(['daily', 'weekly', 'monthly', 'total']);

/** A spend key with its limits and usage; the key itself appears only as `key_preview`. */
export const SpendKey = v.looseObject({
  spend_key_id: v.string(),
  key_preview: v.string(),
  name: v.string(),
  status: v.picklist(['active', 'paused']),
  request_shape: v.picklist(['openai', 'anthropic']),
  wallet_id: v.string(),
  allowed_models: v.nullable(v.array(v.string())),
  allowed_providers: v.nullable(v.array(v.string())),
  spend_limit: v.nullable(v.looseObject({ amount: v.string(), cycle: Cycle })),
  current_spend: v.string(),
  total_spend: v.string(),
  request_limit: v.nullable(v.looseObject({ count: v.number(), cycle: Cycle })),
  current_requests: v.number(),
  total_requests: v.number(),
  rate_limit: v.nullable(v.looseObject({ rpm: v.number(), burst: v.nullable(v.number()) })),
  expires_at: v.nullable(v.string()),
  last_used_at: v.nullable(v.string()),
  created_at: v.string(),
});
export type SpendKey = v.InferOutput<typeof SpendKey>;
