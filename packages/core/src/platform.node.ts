// The REST transport in Node (core's `#platform` import, `node` condition): node:http, loaded on first use.
export { nodeExchange as restExchange } from './nodeExchange';
