import * as v from 'valibot';

/** A non-empty string, for ids and names (one `custom` schema: see ./rules.ts). */
export const NonEmpty = v.custom<string>(
  (s) => typeof s === 'string' && s !== '',
  'must be a non-empty string',
);
