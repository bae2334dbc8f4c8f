export { type CheckoutMode, CheckoutSession } from './CheckoutSession';
export {
  CreateCheckoutSessionParams,
  type CreditBundleCheckoutParams,
  type SubscriptionCheckoutParams,
} from './CreateCheckoutSessionParams';
export { createCheckoutSession } from './createCheckoutSession';
