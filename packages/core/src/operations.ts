/**
 * The registry of the SDK's public functions: for each, the package that exports it, the member of the
 * official `@lavapayments/nodejs` 11.x SDK it stands for (if any) and the HTTP request it sends (for REST
 * operations). Data only, no imports, so every consumer can read it without breaking the dependency
 * direction: the `Lava` class binds its resource methods from it; the emulator's contract test, the
 * migration test, the exports test, the bundle-size report and MIGRATION.md's table are checked against
 * or generated from it. A function added to a package must be added here (the exports test says so).
 */

/** An HTTP method of a REST operation. */
export type WireMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One public function of the SDK. */
export interface Operation {
  /** The function's name, exported by `package` and by `lava-sdk`. */
  readonly name: string;
  /** The package that exports it. */
  readonly package: `@lava-sdk/${string}`;
  /**
   * The official SDK's member it mirrors: `resource.method` for the 11 resource objects of the `Lava`
   * class, a top-level member (`gateway`, `providers`), or `Lava.login` for a static one.
   */
  readonly official?: string;
  /** `METHOD /path` under the base URL, path parameters in braces, for functions that send one request. */
  readonly wire?: `${WireMethod} /${string}`;
}

// Resource operations in the order of the official SDK's resources; then the rest, by package.
export const OPERATIONS = [
  {
    name: 'createCheckoutSession',
    package: '@lava-sdk/checkout-sessions',
    official: 'checkoutSessions.create',
    wire: 'POST /checkout_sessions',
  },
  {
    name: 'createCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.create',
    wire: 'POST /customers',
  },
  {
    name: 'listCustomers',
    package: '@lava-sdk/customers',
    official: 'customers.list',
    wire: 'GET /customers',
  },
  {
    name: 'retrieveCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.retrieve',
    wire: 'GET /customers/{customer_id}',
  },
  {
    name: 'updateCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.update',
    wire: 'PATCH /customers/{customer_id}',
  },
  {
    name: 'deleteCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.delete',
    wire: 'DELETE /customers/{customer_id}',
  },
  {
    name: 'getCustomerSubscription',
    package: '@lava-sdk/customers',
    official: 'customers.getSubscription',
    wire: 'GET /customers/{customer_id}/subscription',
  },
  { name: 'listRequests', package: '@lava-sdk/requests', official: 'requests.list', wire: 'GET /requests' },
  {
    name: 'createRequest',
    package: '@lava-sdk/requests',
    official: 'requests.create',
    wire: 'POST /requests',
  },
  {
    name: 'retrieveRequest',
    package: '@lava-sdk/requests',
    official: 'requests.retrieve',
    wire: 'GET /requests/{request_id}',
  },
  { name: 'retrieveUsage', package: '@lava-sdk/usage', official: 'usage.retrieve', wire: 'GET /usage' },
  {
    name: 'listPlans',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.listPlans',
    wire: 'GET /plans',
  },
  {
    name: 'retrievePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.retrievePlan',
    wire: 'GET /plans/{plan_id}',
  },
  {
    name: 'createPlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.createPlan',
    wire: 'POST /plans',
  },
  {
    name: 'updatePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.updatePlan',
    wire: 'PATCH /plans/{plan_id}',
  },
  {
    name: 'deletePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.deletePlan',
    wire: 'DELETE /plans/{plan_id}',
  },
  {
    name: 'createSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.create',
    wire: 'POST /subscriptions',
  },
  {
    name: 'listSubscriptions',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.list',
    wire: 'GET /subscriptions',
  },
  {
    name: 'updateSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.update',
    wire: 'PATCH /subscriptions/{subscription_id}',
  },
  {
    name: 'cancelSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.cancel',
    wire: 'DELETE /subscriptions/{subscription_id}',
  },
  { name: 'listMeters', package: '@lava-sdk/meters', official: 'meters.list', wire: 'GET /meters' },
  {
    name: 'retrieveMeter',
    package: '@lava-sdk/meters',
    official: 'meters.retrieve',
    wire: 'GET /meters/{meter_id}',
  },
  { name: 'createMeter', package: '@lava-sdk/meters', official: 'meters.create', wire: 'POST /meters' },
  {
    name: 'updateMeter',
    package: '@lava-sdk/meters',
    official: 'meters.update',
    wire: 'PATCH /meters/{meter_id}',
  },
  {
    name: 'deleteMeter',
    package: '@lava-sdk/meters',
    official: 'meters.delete',
    wire: 'DELETE /meters/{meter_id}',
  },
  {
    name: 'listCreditBundles',
    package: '@lava-sdk/credit-bundles',
    official: 'creditBundles.list',
    wire: 'GET /credit_bundles',
  },
  {
    name: 'retrieveCreditBundle',
    package: '@lava-sdk/credit-bundles',
    official: 'creditBundles.retrieve',
    wire: 'GET /credit_bundles/{credit_bundle_id}',
  },
  { name: 'listWebhooks', package: '@lava-sdk/webhooks', official: 'webhooks.list', wire: 'GET /webhooks' },
  {
    name: 'retrieveWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.retrieve',
    wire: 'GET /webhooks/{webhook_id}',
  },
  {
    name: 'createWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.create',
    wire: 'POST /webhooks',
  },
  {
    name: 'updateWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.update',
    wire: 'PATCH /webhooks/{webhook_id}',
  },
  {
    name: 'deleteWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.delete',
    wire: 'DELETE /webhooks/{webhook_id}',
  },
  {
    name: 'listSecretKeys',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.list',
    wire: 'GET /secret_keys',
  },
  {
    name: 'createSecretKey',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.create',
    wire: 'POST /secret_keys',
  },
  {
    name: 'deleteSecretKey',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.delete',
    wire: 'DELETE /secret_keys/{secret_key_id}',
  },
  {
    name: 'listSpendKeys',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.list',
    wire: 'GET /spend_keys',
  },
  {
    name: 'retrieveSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.retrieve',
    wire: 'GET /spend_keys/{spend_key_id}',
  },
  {
    name: 'createSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.create',
    wire: 'POST /spend_keys',
  },
  {
    name: 'updateSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.update',
    wire: 'PUT /spend_keys/{spend_key_id}',
  },
  {
    name: 'revokeSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.revoke',
    wire: 'DELETE /spend_keys/{spend_key_id}',
  },
  {
    name: 'rotateSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.rotate',
    wire: 'POST /spend_keys/{spend_key_id}/rotate',
  },
  { name: 'listModels', package: '@lava-sdk/models', official: 'models.list', wire: 'GET /models' },
  { name: 'gateway', package: '@lava-sdk/gateway', official: 'gateway' },
  { name: 'generateForwardToken', package: '@lava-sdk/gateway', official: 'generateForwardToken' },
  { name: 'providerUrls', package: '@lava-sdk/providers', official: 'providers' },
  { name: 'login', package: '@lava-sdk/auth', official: 'Lava.login' },
  {
    name: 'exchangeAuthCode',
    package: '@lava-sdk/auth',
    official: 'Lava.exchangeAuthCode',
    wire: 'POST /auth/callback',
  },
  // Beyond the official SDK.
  { name: 'verifyWebhookSignature', package: '@lava-sdk/webhooks' },
  { name: 'constructWebhookEvent', package: '@lava-sdk/webhooks' },
  { name: 'signWebhookPayload', package: '@lava-sdk/webhooks' },
  { name: 'listServices', package: '@lava-sdk/services', wire: 'GET /services' },
  { name: 'searchProviders', package: '@lava-sdk/services', wire: 'GET /services/providers' },
  { name: 'retrieveProvider', package: '@lava-sdk/services', wire: 'GET /services/providers/{provider}' },
  { name: 'retrieveWallet', package: '@lava-sdk/wallet', wire: 'GET /wallet' },
  { name: 'fundWallet', package: '@lava-sdk/wallet', wire: 'POST /wallet/fund' },
  { name: 'listPaymentMethods', package: '@lava-sdk/payment-methods', wire: 'GET /payment_methods' },
  { name: 'gatewayStream', package: '@lava-sdk/gateway' },
  { name: 'gatewayFetch', package: '@lava-sdk/gateway' },
  { name: 'createUsageReporter', package: '@lava-sdk/requests' },
  { name: 'lavaErrorOf', package: '@lava-sdk/gateway' },
  { name: 'forwardUrl', package: '@lava-sdk/gateway' },
  { name: 'rewriteUrl', package: '@lava-sdk/gateway' },
  { name: 'parseServerSentEvents', package: '@lava-sdk/gateway' },
  { name: 'providers', package: '@lava-sdk/providers' },
  { name: 'providerUrl', package: '@lava-sdk/providers' },
  { name: 'providerApis', package: '@lava-sdk/providers' },
  { name: 'providerEndpoints', package: '@lava-sdk/providers' },
  { name: 'openBrowser', package: '@lava-sdk/auth' },
  { name: 'resolveApiBaseUrl', package: '@lava-sdk/auth' },
] as const satisfies readonly Operation[];
