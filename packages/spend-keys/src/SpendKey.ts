import * as v from 'valibot';

/** A limit's period: `daily`, `weekly`, `monthly` or `total` (or a period Lava adds). */
export type LimitCycle = 'daily' | 'weekly' | 'monthly' | 'total' | (string & {});

/** A cap on spend per cycle. */
export interface SpendLimit {
  /** The cap in USD, a decimal string. */
  amount: string;
  /** The period the cap applies to. */
  cycle: LimitCycle;
}

/** A cap on requests per cycle. */
export interface RequestLimit {
  /** The number of requests allowed. */
  count: number;
  /** The period the cap applies to. */
  cycle: LimitCycle;
}

/** A rate limit. */
export interface RateLimit {
  /** Requests per minute. */
  rpm: number;
  /** The burst allowed above `rpm`; null when none (absent reads as null: the reference writes `burst?`). */
  burst: number | null;
}

/** A spend key with its limits and usage; the key itself appears only as `key_preview`. */
export interface SpendKey {
  /** The spend key's id, for retrieve, update, revoke and rotate. */
  spend_key_id: string;
  /** A masked preview of the key (`lava_sk_a1b2c3d4****`). */
  key_preview: string;
  /** The key's display name. */
  name: string;
  /** `active` or `paused` (or a status Lava adds). */
  status: 'active' | 'paused' | (string & {});
  /** The request format the key accepts: `openai` or `anthropic`. */
  request_shape: 'openai' | 'anthropic' | (string & {});
  /** The wallet the key spends from. */
  wallet_id: string;
  /** The models the key may use; null for all. */
  allowed_models: string[] | null;
  /** The providers the key may use; null for all. */
  allowed_providers: string[] | null;
  /** The spend cap; null when none. */
  spend_limit: SpendLimit | null;
  /** Spend in the current cycle, in USD, a decimal string. */
  current_spend: string;
  /** Spend over all cycles, in USD, a decimal string. */
  total_spend: string;
  /** The request cap; null when none. */
  request_limit: RequestLimit | null;
  /** Requests in the current cycle. */
  current_requests: number;
  /** Requests over all cycles. */
  total_requests: number;
  /** The rate limit; null when none. */
  rate_limit: RateLimit | null;
  /** When the key stops working (ISO 8601); null when it does not expire. */
  expires_at: string | null;
  /** When the key was last used (ISO 8601); null when never. */
  last_used_at: string | null;
  /** When the key was created (ISO 8601). */
  created_at: string;
}

const Cycle = v.string();
// Documented `| null`: null or absent, read as null.
const nullable = <S extends v.GenericSchema>(schema: S) => v.nullish(schema, null);

/** Schema of {@link SpendKey}. */
export const SpendKey = v.looseObject({
  spend_key_id: v.string(),
  key_preview: v.string(),
  name: v.string(),
  status: v.string(),
  request_shape: v.string(),
  wallet_id: v.string(),
  allowed_models: nullable(v.array(v.string())),
  allowed_providers: nullable(v.array(v.string())),
  spend_limit: nullable(v.looseObject({ amount: v.string(), cycle: Cycle })),
  current_spend: v.string(),
  total_spend: v.string(),
  request_limit: nullable(v.looseObject({ count: v.number(), cycle: Cycle })),
  current_requests: v.number(),
  total_requests: v.number(),
  rate_limit: nullable(v.looseObject({ rpm: v.number(), burst: nullable(v.number()) })),
  expires_at: nullable(v.string()),
  last_used_at: nullable(v.string()),
  created_at: v.string(),
});
