export { Customer, type CustomerContact, type CustomerSubscriptionSummary } from './Customer';
export { CreateCustomerParams, createCustomer } from './createCustomer';
export { deleteCustomer } from './deleteCustomer';
export { CustomerSubscription, getCustomerSubscription } from './getCustomerSubscription';
export { CustomerList, ListCustomersParams, listCustomers } from './listCustomers';
export { retrieveCustomer } from './retrieveCustomer';
export { UpdateCustomerParams, updateCustomer } from './updateCustomer';
