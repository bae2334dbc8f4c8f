// Provider cost of a call and the customer charge of a meter's tiers.

import type { Snapshot } from './model/model';
import type { MeterRecord, TierType } from './model/state';
import { formatCost, moneyFromNumber } from './money';

export interface UsageNumbers {
  input_tokens: number;
  output_tokens: number;
  input_characters: number;
  output_characters: number;
  input_seconds: number;
  output_seconds: number;
}

export const ZERO_USAGE: UsageNumbers = {
  input_tokens: 0,
  output_tokens: 0,
  input_characters: 0,
  output_characters: 0,
  input_seconds: 0,
  output_seconds: 0,
};

export interface ModelInfo {
  id: string;
  /** Lava's provider id (`provider` in request records). */
  provider: string;
  /** `chat` models answer chat, messages, responses and generateContent; `embedding` models embed. */
  kind?: 'chat' | 'embedding';
  /** USD per million input / output tokens. */
  input: number;
  output: number;
  created: number;
  /** Embedding models: the vector size. */
  dimensions?: number;
  /** Embedding models that take a smaller `dimensions` (OpenAI's text-embedding-3). */
  shortenable?: boolean;
}

/**
 * The fake upstreams' catalogue: a model not listed here for its provider gets the provider's own 404.
 * Prices are realistic list prices, for cost arithmetic only.
 */
export const MODELS: readonly ModelInfo[] = [
  { id: 'gpt-4o-mini', provider: 'openai', input: 0.15, output: 0.6, created: 1721172741 },
  { id: 'gpt-4o', provider: 'openai', input: 2.5, output: 10, created: 1715367049 },
  { id: 'gpt-4.1-mini', provider: 'openai', input: 0.4, output: 1.6, created: 1744318173 },
  { id: 'gpt-4.1', provider: 'openai', input: 2, output: 8, created: 1744316542 },
  {
    id: 'text-embedding-3-small',
    provider: 'openai',
    kind: 'embedding',
    input: 0.02,
    output: 0,
    created: 1705948997,
    dimensions: 1536,
    shortenable: true,
  },
  {
    id: 'text-embedding-3-large',
    provider: 'openai',
    kind: 'embedding',
    input: 0.13,
    output: 0,
    created: 1705953180,
    dimensions: 3072,
    shortenable: true,
  },
  { id: 'claude-sonnet-4-20250514', provider: 'anthropic', input: 3, output: 15, created: 1747699200 },
  { id: 'claude-3-5-haiku-20241022', provider: 'anthropic', input: 0.8, output: 4, created: 1729555200 },
  { id: 'gemini-2.0-flash', provider: 'google', input: 0.1, output: 0.4, created: 1738713600 },
  { id: 'gemini-2.5-flash', provider: 'google', input: 0.3, output: 2.5, created: 1750118400 },
  { id: 'gemini-2.5-pro', provider: 'google', input: 1.25, output: 10, created: 1750118400 },
  { id: 'mistral-small-latest', provider: 'mistral', input: 0.2, output: 0.6, created: 1726099200 },
  { id: 'deepseek-chat', provider: 'deepseek', input: 0.27, output: 1.1, created: 1735603200 },
  { id: 'grok-3-mini', provider: 'xai', input: 0.3, output: 0.5, created: 1744070400 },
  { id: 'llama-3.3-70b-versatile', provider: 'groq', input: 0.59, output: 0.79, created: 1733443200 },
];

/** The catalogue entry of `model` at `provider`, if it serves that model. */
export function findModel(provider: string, model: string): ModelInfo | undefined {
  return MODELS.find((m) => m.provider === provider && m.id === model);
}

/** Price of a model not in the catalogue: $1 / $2 per million tokens. */
const FALLBACK = { input: 1, output: 2 };

export function providerCost(
  model: string | undefined,
  usage: UsageNumbers,
): { input: bigint; output: bigint } {
  if (!model) return { input: 0n, output: 0n };
  const info = MODELS.find((m) => m.id === model) ?? FALLBACK;
  return {
    input: moneyFromNumber((usage.input_tokens * info.input) / 1e6),
    output: moneyFromNumber((usage.output_tokens * info.output) / 1e6),
  };
}

/** Usage in the meter's unit: tokens, characters, minutes, or one request. */
export function quantityOf(type: TierType, usage: UsageNumbers): number {
  switch (type) {
    case 'tokens_1m':
      return usage.input_tokens + usage.output_tokens;
    case 'characters_1m':
      return usage.input_characters + usage.output_characters;
    case 'minutes':
      return (usage.input_seconds + usage.output_seconds) / 60;
    case 'requests':
      return 1;
  }
}

/** How many units one `rate` buys: per million for tokens and characters, per unit otherwise. */
function perUnits(type: TierType): number {
  return type === 'tokens_1m' || type === 'characters_1m' ? 1e6 : 1;
}

export interface BreakdownEntry {
  tier: { start: number; rate: string; type: TierType };
  tokens: number;
  characters: number;
  seconds: number;
  cost: string;
}

export interface MeterCharge {
  amount: bigint;
  quantity: number;
  breakdown: BreakdownEntry[];
}

/**
 * Prices one call through a meter. `already` is the payer's cumulative usage on this meter, so a call that
 * crosses a tier boundary is split across tiers. Fixed: `rate` per tier unit. Percentage: the provider cost
 * plus `rate` percent on top, shared across tiers in proportion to the usage each covers.
 */
export function priceMeter(
  meter: Snapshot<MeterRecord>,
  usage: UsageNumbers,
  cost: bigint,
  already: number,
): MeterCharge {
  const quantity = quantityOf(meter.tier_type, usage);
  const tiers = [...meter.tiers].sort((a, b) => a.start - b.start);
  const end = already + quantity;
  const portions: { index: number; portion: number }[] = [];
  tiers.forEach((tier, index) => {
    const next = tiers[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    const portion = Math.min(end, next) - Math.max(already, tier.start);
    if (portion > 0) portions.push({ index, portion });
  });
  if (portions.length === 0) {
    // No usage in the meter's unit: the call sits in the tier where the payer already is.
    let index = 0;
    tiers.forEach((tier, i) => {
      if (tier.start <= already) index = i;
    });
    portions.push({ index, portion: 0 });
  }
  const totalTokens = usage.input_tokens + usage.output_tokens;
  const totalCharacters = usage.input_characters + usage.output_characters;
  const totalSeconds = usage.input_seconds + usage.output_seconds;
  const costNumber = Number(cost) / 1e10;
  let amount = 0n;
  const breakdown = portions.map(({ index, portion }) => {
    const tier = tiers[index] as MeterRecord['tiers'][number];
    const rate = Number(tier.rate);
    const share = quantity > 0 ? portion / quantity : 1;
    const value =
      meter.rate_type === 'fixed'
        ? (portion * rate) / perUnits(meter.tier_type)
        : costNumber * share * (1 + rate / 100);
    const money = moneyFromNumber(value);
    amount += money;
    return {
      tier: { start: tier.start, rate: tier.rate, type: meter.tier_type },
      tokens: Math.round(totalTokens * share),
      characters: Math.round(totalCharacters * share),
      seconds: totalSeconds * share,
      cost: formatCost(money),
    };
  });
  return { amount, quantity, breakdown };
}
