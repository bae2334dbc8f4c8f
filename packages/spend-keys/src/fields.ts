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

/** Every optional setting of a spend key, shared by create and update. */
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
