/**
 * What the SDK's own packages share: the request pipeline, the transport, validation helpers and shared
 * schemas. Not for applications: nothing here has a semver promise, and names may change in any release.
 */

export { credentialValues, isCredentialName, redact, redactHeaders } from './credentials';
export { readEnv } from './env';
export {
  describeIssues,
  invalidParam,
  invalidResponse,
  issueError,
  keepSent,
  lavaError,
  rawLavaError,
  type Sent,
} from './errors';
export { lavaUrl } from './lavaUrl';
// OPERATIONS, its types and every `…Wire` const, which the op files send.
export * from './operations';
export { encodePathParam } from './path';
export { type RawRequestSpec, rawRequest } from './rawRequest';
export { type HttpMethod, type RequestSpec, request } from './request';
export { withRequestId } from './requestId';
export { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, RETRY_STATUSES, sleep } from './retry';
export { AnyObject } from './schemas/AnyObject';
export { Decimal } from './schemas/Decimal';
export { Deleted } from './schemas/Deleted';
export { HttpUrl } from './schemas/HttpUrl';
export { listOf } from './schemas/listOf';
export { MetadataFilters } from './schemas/MetadataFilters';
export { NonEmpty } from './schemas/NonEmpty';
export { PaginationParams, paginationEntries } from './schemas/PaginationParams';
export { oneOf } from './schemas/rules';
export { SubscriptionBase } from './schemas/SubscriptionBase';
export { Success } from './schemas/Success';
export { UnsignedDecimal } from './schemas/UnsignedDecimal';
export { plainCause, type Scrub, scrubber } from './scrub';
export { secretKeyOf, useSecretKey } from './secretKey';
export { apiError, mergeHeaders, type SendInit, type SendResult, send, sendAsync } from './transport';
export type { ParamsOf, StrictParams } from './types';
export { type CheckedBody, checkBody, parseJsonBody, parseParams, toIssues } from './validate';
