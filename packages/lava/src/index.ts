export * from '@lava-sdk/auth';
export * from '@lava-sdk/checkout-sessions';
export * from '@lava-sdk/core';
export * from '@lava-sdk/credit-bundles';
export * from '@lava-sdk/customers';
export * from '@lava-sdk/gateway';
export * from '@lava-sdk/meters';
export * from '@lava-sdk/models';
export * from '@lava-sdk/payment-methods';
export * from '@lava-sdk/providers';
export * from '@lava-sdk/requests';
export * from '@lava-sdk/secret-keys';
export * from '@lava-sdk/services';
export * from '@lava-sdk/spend-keys';
export * from '@lava-sdk/subscriptions';
export * from '@lava-sdk/usage';
export * from '@lava-sdk/wallet';
export * from '@lava-sdk/webhooks';
export * from './compat';
export {
  type CheckoutSessionsResource,
  type CreditBundlesResource,
  type CustomersResource,
  Lava,
  type LavaConfig,
  type LavaLoginOptions,
  type MetersResource,
  type ModelsResource,
  type RequestsResource,
  type SecretKeysResource,
  type SpendKeysResource,
  type SubscriptionsResource,
  type UsageResource,
  type WebhooksResource,
} from './Lava';
