export { RetrieveUsageParams, retrieveUsage } from './retrieveUsage';
export { Usage, type UsageItem, type UsageTotals } from './Usage';
