export { CreateRequestParams, createRequest } from './createRequest';
export {
  createUsageReporter,
  type ReportError,
  type UsageEvent,
  type UsageRefused,
  type UsageReporter,
  type UsageReporterOptions,
  type UsageReporterStats,
} from './createUsageReporter';
export { ListRequestsParams, listRequests, RequestList } from './listRequests';
export {
  type ChargeBreakdown,
  type ModelUsage,
  type ProviderKeyType,
  Request,
  type RequestCharge,
  type RequestStatus,
} from './Request';
export { retrieveRequest } from './retrieveRequest';
export type { StoredUsage, UsageStore } from './UsageStore';
