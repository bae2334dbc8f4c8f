export { ListServicesParams, listServices, ServiceCatalog } from './listServices';
export { ProviderSummary } from './ProviderSummary';
export { retrieveProvider } from './retrieveProvider';
export { type ModalityPrice, Service, type ServicePricing, type ServiceWorkflow } from './Service';
export { ProviderSearchResults, SearchProvidersParams, searchProviders } from './searchProviders';
