import * as v from 'valibot';

/** A decimal amount as Lava writes money: `"25.00"`, `"0.0581000000"`. */
export const Decimal = v.pipe(
  v.string(),
  v.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "25.00"'),
);
