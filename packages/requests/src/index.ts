export { CreateRequestParams, createRequest } from './createRequest';
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
