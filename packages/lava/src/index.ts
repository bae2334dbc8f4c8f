// The full install: every export of every package it depends on (test/exports.test.ts checks each is here,
// as the same binding), the official SDK's type names (compat.ts), neverthrow's constructors (the copy the
// SDK uses) and the drop-in `Lava` class. A name two packages both exported would be a compile error here.
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
// neverthrow's constructors and types, to compose SDK results without a second install. Not from
// @lava-sdk/core: neverthrow does not tree-shake, and would grow the smallest browser bundles.
export { err, errAsync, ok, okAsync, Result, ResultAsync, safeTry } from 'neverthrow';
export type * from './compat';
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
