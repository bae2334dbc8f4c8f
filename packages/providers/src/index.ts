export { type ProviderName, type ProviderUrls, providers } from './providers';
export { providerUrl } from './providerUrl';
export { providerUrls } from './providerUrls';
