export type { GatewayOptions } from './_prepare';
export { forwardUrl } from './forwardUrl';
export { gateway } from './gateway';
export { type GatewayStream, type GatewayStreamOptions, gatewayStream } from './gatewayStream';
export { type ForwardTokenOptions, generateForwardToken } from './generateForwardToken';
export { parseServerSentEvents, type ServerSentEvent } from './parseServerSentEvents';
export { REWRITE_FORMATS, type RewriteFormat, rewriteUrl } from './rewriteUrl';
