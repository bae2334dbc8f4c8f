export {
  createLava,
  type LavaClient,
  type LavaLogEntry,
  type LavaLogger,
  type LavaOptions,
  PRODUCTION_BASE_URL,
  SANDBOX_BASE_URL,
} from './createLava';
export { readEnv } from './env';
export {
  type AbortedError,
  type ApiError,
  type ConfigError,
  type InvalidParamsError,
  type InvalidResponseError,
  isLavaError,
  type LavaError,
  type LavaErrorFields,
  type LavaErrorKind,
  type LavaIssue,
  type NetworkError,
  rawLavaError,
  type TimeoutError,
} from './errors';
export { lavaError } from './lavaError';
export { redactHeaders } from './log';
export { collectAll, type ListFunction, paginate } from './paginate';
export { encodePathParam } from './path';
export { redact } from './redact';
export { type HttpMethod, type RequestSpec, request } from './request';
export { requestIdOf, withRequestId } from './requestId';
export { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, sleep } from './retry';
export { Decimal } from './schemas/Decimal';
export { Deleted } from './schemas/Deleted';
export { type ListResponse, listOf } from './schemas/listOf';
export { MetadataFilters } from './schemas/MetadataFilters';
export { NonEmpty } from './schemas/NonEmpty';
export { PaginationParams, paginationEntries } from './schemas/PaginationParams';
export { SubscriptionBase } from './schemas/SubscriptionBase';
export { Success } from './schemas/Success';
export { useSecretKey } from './secretKey';
export { apiError, type CallOptions, mergeHeaders, type SendInit, type SendResult, send } from './transport';
export type { ParamsOf, StrictParams } from './types';
export { invalidResponse, parseJsonBody, parseParams, parseResponse, toIssues } from './validate';
