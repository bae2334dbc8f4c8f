import * as v from 'valibot';

// Field rules shared by createSpendKey and updateSpendKey (lava-api.md §2.11).
const Cycle = v.picklist(
  ['daily', 'weekly', 'monthly', 'total'],
  'must be "daily", "weekly", "monthly" or "total"',
);
const Count = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must not be negative'));
const PositiveCount = v.pipe(
  v.number(),
  v.integer('must be an integer'),
  v.minValue(1, 'must be at least 1'),
);

export const SpendKeyName = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(255));
export const SpendKeyStatus = v.picklist(['active', 'paused'], 'must be "active" or "paused"');
export const RequestShape = v.picklist(['openai', 'anthropic'], 'must be "openai" or "anthropic"');

/** An allow-list: null allows everything; an empty list would allow nothing, so it is refused. */
export function allowList(what: string) {
  return v.nullable(
    v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
      v.minLength(1, `must list at least one ${what}; use null to allow all`),
    ),
  );
}

export const SpendLimit = v.nullable(
  v.looseObject({
    amount: v.pipe(
      v.string(),
      v.regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "25.00"'),
    ),
    cycle: Cycle,
  }),
);
export const RequestLimit = v.nullable(v.looseObject({ count: Count, cycle: Cycle }));
export const RateLimit = v.nullable(v.looseObject({ rpm: PositiveCount, burst: v.nullish(PositiveCount) }));
export const ExpiresAt = v.nullable(
  v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 date-time such as 2026-12-31T23:59:59Z')),
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
