import * as v from 'valibot';

/*
 * Params rules are each one valibot `custom` schema: a test and the message of the issue it raises (the
 * issue's path names the field), such as `v.custom<string>((s) => typeof s === 'string' && s !== '', …)`.
 * Built from valibot's own actions (`pipe` + `string` + `minLength` + `maxLength` + `regex` …), every
 * action is a function of its own in each bundle that uses it, about 70 B gzip apiece; with `custom` a
 * bundle holds it once and each rule costs its test and its message. A value of the wrong type fails the
 * same test, so it gets the same message. Rules are written out where they are used: a helper that builds
 * them (`sized(1, 255, …)`) cost each bundle more than the repeated test, which gzip folds.
 */

/** One of `options`, typed as their union; the message lists them (`must be "a", "b" or "c"`). */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.custom<T[number]>(
    (x) => options.includes(x as string),
    `must be ${options
      .map((o) => `"${o}"`)
      .join(', ')
      .replace(/, (?=[^,]*$)/, ' or ')}`,
  );
}
