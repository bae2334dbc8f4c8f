import * as v from 'valibot';

/**
 * A free-form object in a response (`metadata`): any object, every key kept. `looseObject({})` is the
 * smallest valibot schema that does it (a `record` of `unknown` checks nothing more and weighs more in
 * every bundle); typed as the record it is.
 */
export const AnyObject = v.looseObject({}) as unknown as v.GenericSchema<Record<string, unknown>>;
