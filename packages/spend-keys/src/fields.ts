import { NonEmpty, oneOf, UnsignedDecimal } from '@lava-sdk/core/internal';
import * as v from 'valibot';

// Field rules shared by createSpendKey and updateSpendKey (lava-api.md §2.11). Each is one `custom` schema
// (a test and its message) rather than a pipe of valibot actions: a few bytes a rule in a bundle, not an
// action function each.
const Cycle = oneOf(['daily', 'weekly', 'monthly', 'total']);

export const SpendKeyName = v.custom<string>(
  (s) => typeof s === 'string' && s !== '' && s.length <= 255,
  'must be a string of 1 to 255 characters',
);
export const SpendKeyStatus = oneOf(['active', 'paused']);
export const RequestShape = oneOf(['openai', 'anthropic']);

/** An allow-list: null allows everything; an empty list would allow nothing, so it is refused. */
export function allowList(what: string) {
  return v.nullable(
    v.pipe(
      v.array(NonEmpty),
      v.check((list) => list.length > 0, `must list at least one ${what}; use null to allow all`),
    ),
  );
}

export const SpendLimit = v.nullable(
  v.looseObject({
    amount: UnsignedDecimal,
    cycle: Cycle,
  }),
);
export const RequestLimit = v.nullable(
  v.looseObject({
    count: v.custom<number>(
      (n) => Number.isInteger(n) && (n as number) >= 0,
      'must be an integer, 0 or more',
    ),
    cycle: Cycle,
  }),
);
const PositiveCount = v.custom<number>(
  (n) => Number.isInteger(n) && (n as number) > 0,
  'must be an integer, 1 or more',
);
export const RateLimit = v.nullable(v.looseObject({ rpm: PositiveCount, burst: v.nullish(PositiveCount) }));
// valibot's isoTimestamp pattern, groups folded: a date, `T` or a space, a time with an optional fraction,
// `Z` or an offset.
export const ExpiresAt = v.nullable(
  v.custom<string>(
    (s) =>
      typeof s === 'string' &&
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3])(:[0-5]\d){2}(\.\d{1,9})?(Z| ?[+-]([01]\d|2[0-3])(:?[0-5]\d)?)$/.test(
        s,
      ),
    'must be an ISO 8601 date-time such as 2026-12-31T23:59:59Z',
  ),
);

/** A spend limit as `createSpendKey` and `updateSpendKey` set it. */
export interface SpendLimitSetting {
  /** The most the key may spend per cycle, in USD: a non-negative decimal string such as `"20.00"`. */
  amount: string;
  /** The period the limit applies to: `daily`, `weekly`, `monthly`, or `total` (the key's lifetime). */
  cycle: 'daily' | 'weekly' | 'monthly' | 'total';
}

/** A request limit as `createSpendKey` and `updateSpendKey` set it. */
export interface RequestLimitSetting {
  /** The most requests the key may make per cycle: an integer, 0 or more. */
  count: number;
  /** The period the limit applies to: `daily`, `weekly`, `monthly`, or `total` (the key's lifetime). */
  cycle: 'daily' | 'weekly' | 'monthly' | 'total';
}

/** A rate limit as `createSpendKey` and `updateSpendKey` set it. */
export interface RateLimitSetting {
  /** Requests per minute: an integer, 1 or more. */
  rpm: number;
  /** The burst allowed above `rpm`: an integer, 1 or more; `null` or omitted: none. */
  burst?: number | null | undefined;
}

/**
 * The settings of a spend key that `createSpendKey` and `updateSpendKey` both take, all optional. `null`
 * means no limit, or everything allowed; on update it removes a limit or an allow-list.
 */
export interface SpendKeySettings {
  /** Whether the key can be used: `active` or `paused`. */
  status?: 'active' | 'paused' | undefined;
  /** The request format the key accepts: `openai` (the default when a key is created) or `anthropic`. */
  request_shape?: 'openai' | 'anthropic' | undefined;
  /** The models the key may use, by id (at least one); `null`: every model. */
  allowed_models?: readonly string[] | null | undefined;
  /** The providers the key may use, by id such as `openai` (at least one); `null`: every provider. */
  allowed_providers?: readonly string[] | null | undefined;
  /** How much the key may spend per cycle; `null`: no limit. */
  spend_limit?: SpendLimitSetting | null | undefined;
  /** How many requests the key may make per cycle; `null`: no limit. */
  request_limit?: RequestLimitSetting | null | undefined;
  /** How fast the key may send requests; `null`: no rate limit. */
  rate_limit?: RateLimitSetting | null | undefined;
  /** When the key stops working: an ISO 8601 date-time such as `2026-12-31T23:59:59Z`; `null`: never. */
  expires_at?: string | null | undefined;
}

/** Every optional setting of a spend key, shared by create and update: {@link SpendKeySettings}. */
export const settingEntries = {
  status: v.optional(SpendKeyStatus),
  request_shape: v.optional(RequestShape),
  allowed_models: v.optional(allowList('model')),
  allowed_providers: v.optional(allowList('provider')),
  spend_limit: v.optional(SpendLimit),
  request_limit: v.optional(RequestLimit),
  rate_limit: v.optional(RateLimit),
  expires_at: v.optional(ExpiresAt),
};
