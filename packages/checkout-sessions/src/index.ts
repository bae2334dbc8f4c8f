export { type CheckoutMode, CheckoutSession } from './CheckoutSession';
export { CreateCheckoutSessionParams } from './CreateCheckoutSessionParams';
export { createCheckoutSession } from './createCheckoutSession';
