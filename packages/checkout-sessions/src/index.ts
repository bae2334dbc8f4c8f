export { type CheckoutMode, CheckoutSession } from './CheckoutSession';
export { CreateCheckoutSessionParams, createCheckoutSession } from './createCheckoutSession';
