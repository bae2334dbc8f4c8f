// The public surface: what applications call or name in their types. What the SDK's own packages share
// lives in `@lava-sdk/core/internal`, which has no semver promise.

export {
  createLava,
  type LavaClient,
  type LavaLogEntry,
  type LavaLogger,
  type LavaOptions,
  PRODUCTION_BASE_URL,
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
