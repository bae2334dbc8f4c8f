export { RetrieveUsageParams, retrieveUsage } from './retrieveUsage';
export { Usage } from './Usage';
