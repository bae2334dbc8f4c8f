// Type-level helpers of the type tests (`*.test-d.ts`).

/** `T` without its string and number index signatures. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * The comparable shape of a type: loose objects' index signatures dropped (pure records kept), open
 * string enums (`'a' | (string & {})`) read as `string`. `Shape<InferOutput<typeof Schema>>` equals
 * `Shape<Interface>` exactly when a response schema and its documented interface list the same fields
 * with the same types and optionality.
 */
export type Shape<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends readonly (infer U)[]
    ? Shape<U>[]
    : T extends (...args: never[]) => unknown
      ? T
      : T extends object
        ? keyof Named<T> extends never
          ? T
          : { [K in keyof Named<T>]: Shape<Named<T>[K]> }
        : T;
