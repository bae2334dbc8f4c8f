import * as v from 'valibot';

/** A non-negative decimal amount as params take it: `"25.00"`, `"0.50"`, `"10"`. */
export const UnsignedDecimal = v.custom<string>(
  (s) => typeof s === 'string' && /^\d+(\.\d+)?$/.test(s),
  'must be a non-negative decimal string such as "25.00"',
);
