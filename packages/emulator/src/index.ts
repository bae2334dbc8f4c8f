export { CHECKOUT_SESSION_TTL_MS, type CheckoutContact } from './completeCheckout';
export type { ReplyFunction } from './context';
export { signWebhookBody } from './deliver';
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
export { MODELS } from './pricing';
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
} from './store';
