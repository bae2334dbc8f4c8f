export { ListServicesParams, listServices, ServiceCatalog } from './listServices';
export { ProviderSummary } from './ProviderSummary';
export { retrieveProvider } from './retrieveProvider';
export { Service } from './Service';
export { ProviderSearchResults, SearchProvidersParams, searchProviders } from './searchProviders';
