const REQUEST_ID = Symbol.for('lava-sdk.requestId');

/** Attaches Lava's `x-lava-request-id` to a parsed body without making it an enumerable field. */
export function withRequestId<T>(value: T, requestId: string | undefined): T {
  if (requestId && typeof value === 'object' && value !== null) {
    Object.defineProperty(value, REQUEST_ID, { value: requestId });
  }
  return value;
}

/**
 * The `x-lava-request-id` of the response a result was parsed from, for support tickets and logs.
 * @example
 * ```ts
 * const customer = await retrieveCustomer(lava, 'con_1');
 * if (customer.isOk()) console.log(requestIdOf(customer.value));
 * ```
 */
export function requestIdOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<symbol, string | undefined>)[REQUEST_ID]
    : undefined;
}
