export { listPaymentMethods, PaymentMethodList } from './listPaymentMethods';
export { PaymentMethod } from './PaymentMethod';
