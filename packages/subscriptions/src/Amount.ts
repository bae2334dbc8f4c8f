import * as v from 'valibot';

/** A non-negative USD or credit amount as a decimal string: `"0"`, `"25.00"`. */
export const Amount = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "25.00"'),
);
