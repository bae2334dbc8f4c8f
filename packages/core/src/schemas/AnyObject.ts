import * as v from 'valibot';

/**
 * A free-form object in a response (`metadata`): any object (not an array), every key and any JSON value
 * kept as sent. One `custom` schema, which every bundle has already (a `record` of `unknown` checks nothing
 * more and weighs more), and which returns the object itself rather than a copy.
 */
export const AnyObject = v.custom<Record<string, unknown>>(
  (m) => typeof m === 'object' && m !== null && !Array.isArray(m),
  'must be an object',
);
