import type { GenericSchema, InferInput } from 'valibot';

/** `T` without its string index signature, keeping the named properties and their modifiers. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * A params type without the index signature of loose objects. Params schemas are loose (fields the API
 * adds later pass through), but an inferred `{ [key: string]: unknown }` would reject any value typed with
 * an interface. This drops it, deeply, from loose objects only (a pure record such as `metadata` keeps
 * it), and accepts readonly arrays, so `as const` values type-check.
 */
export type StrictParams<T> = T extends readonly (infer U)[]
  ? readonly StrictParams<U>[]
  : T extends object
    ? string extends keyof T
      ? keyof Named<T> extends never
        ? T
        : { [K in keyof Named<T>]: StrictParams<Named<T>[K]> }
      : T
    : T;

/** The params type a function takes, from its params schema. */
export type ParamsOf<S extends GenericSchema> = StrictParams<InferInput<S>>;

/** How a meter prices usage: `fixed` (credits per unit) or `percentage` (a markup on provider cost). */
export type RateType = 'fixed' | 'percentage' | (string & {});

/** The unit of a pricing tier: per million tokens or characters, per minute, or per request. */
export type TierType = 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests' | (string & {});
