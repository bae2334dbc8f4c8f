/**
 * `createLava()` makes an immutable client context and sends nothing; every API function of the resource
 * packages takes it first and returns a `ResultAsync<T, LavaError>` (neverthrow): failures are values with
 * a literal `kind`, never thrown.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { createLava, paginate } from '@lava-sdk/core';
 * import { listCustomers, retrieveCustomer } from '@lava-sdk/customers';
 *
 * const lava = createLava({ secretKey: process.env.LAVA_SECRET_KEY, timeoutMs: 10_000, maxRetries: 2 });
 * const result = await retrieveCustomer(lava, 'con_123');
 * result.match(
 *   (customer) => console.log(customer.contact.email),
 *   (error) => console.error(error.kind, error.message), // 'api' errors carry status, code and requestId
 * );
 * // paginate yields each customer as a Result: Ok(customer), or a last Err(LavaError) that ends the walk.
 * for await (const item of paginate(listCustomers, lava, { limit: 100 })) {
 *   if (item.isErr()) break;
 *   console.log(item.value.customer_id);
 * }
 * ```
 */
// The public surface: what applications call or name in their types. What the SDK's own packages share
// lives in `@lava-sdk/core/internal`, which has no semver promise.

export {
  createLava,
  type LavaClient,
  type LavaLogEntry,
  type LavaLogger,
  type LavaOptions,
  PRODUCTION_BASE_URL,
  type ResponseIssues,
  type ResponseValidation,
  SANDBOX_BASE_URL,
} from './createLava';
export {
  type AbortedError,
  type ApiError,
  type ConfigError,
  type InvalidParamsError,
  type InvalidResponseError,
  isLavaError,
  LavaError,
  type LavaErrorFields,
  type LavaErrorKind,
  type LavaIssue,
  type NetworkError,
  type TimeoutError,
} from './errors';
export {
  collectAll,
  type ListFunction,
  MAX_EMPTY_PAGES,
  type PaginateOptions,
  paginate,
} from './paginate';
export { requestIdOf } from './requestId';
export type { Deleted } from './schemas/Deleted';
export type { ListResponse } from './schemas/listOf';
export type { PaginationParams } from './schemas/PaginationParams';
export type {
  BillingInterval,
  PendingChange,
  RolloverType,
  SubscriptionBase,
  SubscriptionCredits,
  SubscriptionPlan,
  SubscriptionStatus,
} from './schemas/SubscriptionBase';
export type { Success } from './schemas/Success';
export type { CallOptions } from './transport';
export type { RateType, TierType } from './types';
