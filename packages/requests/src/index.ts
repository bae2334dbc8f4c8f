export { CreateRequestParams, createRequest } from './createRequest';
export { ListRequestsParams, listRequests, RequestList } from './listRequests';
export { Request } from './Request';
export { retrieveRequest } from './retrieveRequest';
