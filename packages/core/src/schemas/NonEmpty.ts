import * as v from 'valibot';

/** A non-empty string, for ids and names. */
export const NonEmpty = v.pipe(v.string(), v.minLength(1));
