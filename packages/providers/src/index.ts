export { type ProviderApi, type ProviderApiInfo, providerApis, providerEndpoints } from './providerApis';
export { type ProviderName, type ProviderUrls, providers } from './providers';
export { providerUrl } from './providerUrl';
export { providerUrls } from './providerUrls';
