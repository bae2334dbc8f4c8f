import * as v from 'valibot';

// Field rules shared by createCustomer and updateCustomer (lava-api.md §2.2).
export const Text255 = v.pipe(v.string(), v.maxLength(255));
// E.164: a plus, then up to 15 digits, the first not zero.
export const Phone = v.pipe(
  v.string(),
  v.regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number such as +14155550100'),
);
export const Metadata = v.pipe(
  v.record(v.string(), v.unknown()),
  v.check((m) => JSON.stringify(m).length <= 16_384, 'must be at most 16 KB once serialized'),
);
export const ReferenceId = v.pipe(
  Text255,
  v.minLength(1),
  v.check((s) => !s.startsWith('con_'), 'must not start with "con_" (that prefix is for Lava customer ids)'),
);
