export { Credentials } from './Credentials';
export {
  type ExchangeAuthCodeOptions,
  type ExchangeAuthCodeParams,
  exchangeAuthCode,
} from './exchangeAuthCode';
export { type LoginOptions, login } from './login';
export { openBrowser } from './openBrowser';
export { DEFAULT_APP_URL, resolveApiBaseUrl } from './resolveApiBaseUrl';
