import * as v from 'valibot';

/** A decimal amount as Lava writes money: `"25.00"`, `"0.0581000000"`. */
export const Decimal = v.custom<string>(
  (s) => typeof s === 'string' && /^-?\d+(\.\d+)?$/.test(s),
  'must be a decimal string such as "25.00"',
);
