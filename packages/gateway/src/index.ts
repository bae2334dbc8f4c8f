/**
 * Calls to AI providers through Lava, billed to your customer: a forward token per customer and meter,
 * `gateway()` for a JSON answer, `gatewayStream()` for server-sent events, and the forward and rewrite
 * URLs to give a provider SDK as its base URL.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { createLava } from '@lava-sdk/core';
 * import { gateway, generateForwardToken } from '@lava-sdk/gateway';
 *
 * const lava = createLava(); // LAVA_SECRET_KEY from the environment
 * const result = await gateway(lava, 'https://api.openai.com/v1/chat/completions', {
 *   body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] },
 *   customer_id: 'con_123',
 *   meter_slug: 'ai-usage',
 * });
 * result.match((completion) => console.log(completion), (e) => console.error(e.kind, e.message));
 *
 * // Or hand a forward token to code that calls the provider itself:
 * const token = generateForwardToken(lava, { customer_id: 'con_123', meter_slug: 'ai-usage' });
 * ```
 */
export type { BillingOptions } from './_options';
export type { GatewayOptions } from './_prepare';
export { forwardUrl } from './forwardUrl';
export { gateway } from './gateway';
export { type GatewayFetchOptions, gatewayFetch } from './gatewayFetch';
export { type GatewayStream, type GatewayStreamOptions, gatewayStream } from './gatewayStream';
export { type ForwardTokenOptions, generateForwardToken } from './generateForwardToken';
export { lavaErrorOf } from './lavaErrorOf';
export { MAX_EVENT_LENGTH, parseServerSentEvents, type ServerSentEvent } from './parseServerSentEvents';
export { REWRITE_FORMATS, type RewriteFormat, rewriteUrl } from './rewriteUrl';
