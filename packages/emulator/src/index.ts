/**
 * A local, stateful Lava: the SDK, the official SDK or plain `fetch` talk to it as to the real API, with
 * the same validation and error bodies. Serve it over HTTP (`/server`, or `npx lava-emulator`), or
 * in-process with msw (`/msw`), or call `handle(request)` directly: the three run one pipeline.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { createLava } from '@lava-sdk/core';
 * import { createCustomer } from '@lava-sdk/customers';
 * import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
 * import { startEmulator } from '@lava-sdk/emulator/server';
 *
 * const local = await startEmulator(); // 127.0.0.1, a free port
 * const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.baseUrl });
 * const customer = await createCustomer(lava, { email: 'ada@example.com' });
 * console.log(customer.isOk(), local.emulator.state.customers.size); // true 1
 * await local.stop();
 * ```
 */
export type { ReplyFunction } from './context';
export type { CorsOrigins } from './cors';
export { signWebhookBody } from './deliver';
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
export { IDEMPOTENCY_MAX_KEYS, IDEMPOTENCY_TTL_MS, REPLAYED_HEADER } from './idempotency';
export { MAX_BODY_BYTES, MAX_GATEWAY_BODY_BYTES } from './limits';
export { CHECKOUT_SESSION_TTL_MS, type CheckoutContact } from './model/checkout';
export {
  DEFAULT_SEED,
  EMULATOR_ACCOUNT_ID,
  EMULATOR_MERCHANT_ID,
  EMULATOR_PAYMENT_METHOD_ID,
  EMULATOR_SECRET_KEY,
  EMULATOR_SECRET_KEY_ID,
  EMULATOR_WALLET_BALANCE,
  EMULATOR_WALLET_ID,
  type EmulatorSeed,
  type EmulatorState,
  type WebhookDelivery,
} from './model/state';
export { MODELS } from './pricing';
