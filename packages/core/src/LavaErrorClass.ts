import type { LavaErrorKind, LavaError as LavaErrorUnion } from './errors';

// A global-registry symbol, so two installed copies of the SDK still recognise each other's errors.
const brand = Symbol.for('lava-sdk.error');

/** True for any LavaError, even one made by another installed copy of the SDK. */
export function isLavaError(value: unknown): value is LavaErrorUnion {
  return (value as Record<symbol, unknown> | null | undefined)?.[brand] === true;
}

/** The runtime class of every LavaError; `errors.ts` exports it typed so `instanceof` narrows to the union. */
export class LavaError extends Error {
  declare readonly kind: LavaErrorKind;
  constructor(kind: LavaErrorKind, message: string, fields?: object, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { name: 'LavaError', kind }, fields);
  }
  // The brand, on the prototype: inspecting an error does not show it.
  get [brand](): true {
    return true;
  }
  // By brand, not prototype: an error made by another installed copy of core is a LavaError too.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isLavaError(value);
  }
  // Error's own `message` is not enumerable: without this, JSON.stringify(error) would drop it.
  toJSON(): object {
    return { ...this, message: this.message };
  }
}
