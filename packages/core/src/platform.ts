// The REST transport outside Node: the platform's fetch. Node resolves `#platform` to platform.node.ts.
export { fetchExchange as restExchange } from './fetchExchange';
