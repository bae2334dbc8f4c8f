export { CheckoutSession } from './CheckoutSession';
export { CreateCheckoutSessionParams, createCheckoutSession } from './createCheckoutSession';
