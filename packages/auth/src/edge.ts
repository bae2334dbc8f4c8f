// The entry for runtimes without Node's built-ins (the default export condition): the same names as
// index.ts, with login() and openBrowser() replaced by stand-ins that return a `config` error, so a
// Worker bundle that imports this package (lava-sdk's `Lava` class does) has no node:* import.
export { Credentials } from './Credentials';
export {
  type ExchangeAuthCodeOptions,
  type ExchangeAuthCodeParams,
  exchangeAuthCode,
} from './exchangeAuthCode';
export type { LoginOptions } from './login';
export { login, openBrowser } from './nodeOnly';
export { DEFAULT_APP_URL, resolveApiBaseUrl } from './resolveApiBaseUrl';
