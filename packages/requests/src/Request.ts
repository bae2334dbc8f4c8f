import type { RateType, TierType } from '@lava-sdk/core';
import { AnyObject } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** Where a request is in metering: `pending`, `completed` or `error` (or a state Lava adds). */
export type RequestStatus = 'pending' | 'completed' | 'error' | (string & {});
/** Whose provider key served the request: Lava's (`managed`), yours (`unmanaged`) or a stored one. */
export type ProviderKeyType = 'managed' | 'unmanaged' | 'stored' | (string & {});

/** Usage counts and provider cost of a request. Counts are numbers; costs are USD decimal strings. */
export interface ModelUsage {
  /** Input (prompt) tokens. */
  input_tokens: number;
  /** Output (completion) tokens. */
  output_tokens: number;
  /** Input plus output tokens. */
  total_tokens: number;
  /** Input characters (character-billed providers). */
  input_characters: number;
  /** Output characters. */
  output_characters: number;
  /** Input plus output characters. */
  total_characters: number;
  /** Seconds of input (duration-billed providers). */
  input_seconds: number;
  /** Seconds of output. */
  output_seconds: number;
  /** Input plus output seconds. */
  total_seconds: number;
  /** The provider's cost of the input. */
  input_cost: string;
  /** The provider's cost of the output. */
  output_cost: string;
  /** The provider's cost of the request. */
  total_cost: string;
}

/** One tier's share of a charge. */
export interface ChargeBreakdown {
  /** The meter tier that priced this part. */
  tier: {
    /** Where the tier starts, in units of `type`. */
    start: number;
    /** The tier's rate, a decimal string. */
    rate: string;
    /** The unit the tier counts. */
    type: TierType;
  };
  /** Tokens priced in this tier. */
  tokens: number;
  /** Characters priced in this tier. */
  characters: number;
  /** Seconds priced in this tier. */
  seconds: number;
  /** What this part costs, in USD, a decimal string. */
  cost: string;
}

/** What the customer (or merchant) was charged for a request under its meter. */
export interface RequestCharge {
  /** The amount charged, in USD, a decimal string. */
  amount: string;
  /** The meter's rate type. */
  rate_type: RateType;
  /** The charge per tier. */
  breakdown: ChargeBreakdown[];
}

/** A usage record: one metered call, with its usage, provider cost and charge. */
export interface Request {
  /** The request's id: yours for `createRequest`, `req_…` for calls through the gateway. */
  request_id: string;
  /** `pending`, `completed` or `error`. */
  status: RequestStatus;
  /** The customer billed, if any. */
  customer_id?: string | null | undefined;
  /** The meter that priced it, if any. */
  meter_id?: string | null | undefined;
  /** The provider (`openai`, `anthropic`, …). */
  provider: string;
  /** Whose provider key was used. */
  provider_key_type: ProviderKeyType;
  /** The model (`gpt-4`), if known. */
  model?: string | null | undefined;
  /** The method and URL forwarded, e.g. `POST https://api.openai.com/v1/chat/completions`. */
  endpoint: string;
  /** The provider's own response id, if any. */
  response_id?: string | null | undefined;
  /** Usage counts and provider cost. */
  model_usage: ModelUsage;
  /** The provider's cost of the request, in USD, a decimal string. */
  cost: string;
  /** The charge under the meter. */
  charge: RequestCharge;
  /** Your metadata: sent as string pairs, returned as Lava stores it (any JSON values). */
  metadata: Record<string, unknown>;
  /** When the provider completed the request (ISO 8601), if known. */
  timestamp?: string | null | undefined;
  /** When Lava recorded the request (ISO 8601). */
  created_at: string;
}

/** Schema of {@link Request}. */
export const Request = v.looseObject({
  request_id: v.string(),
  status: v.string(),
  customer_id: v.nullish(v.string()),
  meter_id: v.nullish(v.string()),
  provider: v.string(),
  provider_key_type: v.string(),
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
    rate_type: v.string(),
    breakdown: v.array(
      v.looseObject({
        tier: v.looseObject({ start: v.number(), rate: v.string(), type: v.string() }),
        tokens: v.number(),
        characters: v.number(),
        seconds: v.number(),
        cost: v.string(),
      }),
    ),
  }),
  metadata: AnyObject,
  timestamp: v.nullish(v.string()),
  created_at: v.string(),
});
