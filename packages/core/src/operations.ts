/**
 * The registry of the SDK's public functions, the one list of facts about them: for each, the package that
 * exports it, the member of the official `@lavapayments/nodejs` 11.x SDK it stands for (if any) and, for a
 * REST operation, its wire request (`METHOD /path/{param}` under the base URL). Everything else derives from
 * it: each op file sends its `…Wire` below (the only place a wire path is spelled out), the emulator routes
 * by these wires, the `Lava` class binds its resource methods from OPERATIONS, and the contract, exports,
 * docs-examples and size tests and MIGRATION.md's table are checked against or generated from it.
 *
 * Data only, no imports. One exported const per wire, so an op file's bundle carries its own wire string
 * and nothing else of this module (test/treeshake.test.ts). Adding an operation: CONTRIBUTING.md.
 */

/** An HTTP method of a REST operation. */
export type WireMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `METHOD /path` under the base URL, path parameters in braces: `GET /customers/{customer_id}`. */
export type Wire = `${WireMethod} /${string}`;

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
  /** Its request, for functions that send one REST request: the `…Wire` const of the same name. */
  readonly wire?: Wire;
}

// The wire of every REST operation, by package: `<functionName>Wire`.
// @lava-sdk/checkout-sessions
export const createCheckoutSessionWire = 'POST /checkout_sessions';

// @lava-sdk/customers
export const createCustomerWire = 'POST /customers';
export const listCustomersWire = 'GET /customers';
export const retrieveCustomerWire = 'GET /customers/{customer_id}';
export const updateCustomerWire = 'PATCH /customers/{customer_id}';
export const deleteCustomerWire = 'DELETE /customers/{customer_id}';
export const getCustomerSubscriptionWire = 'GET /customers/{customer_id}/subscription';

// @lava-sdk/requests
export const listRequestsWire = 'GET /requests';
export const createRequestWire = 'POST /requests';
export const retrieveRequestWire = 'GET /requests/{request_id}';

// @lava-sdk/usage
export const retrieveUsageWire = 'GET /usage';

// @lava-sdk/subscriptions
export const listPlansWire = 'GET /plans';
export const retrievePlanWire = 'GET /plans/{plan_id}';
export const createPlanWire = 'POST /plans';
export const updatePlanWire = 'PATCH /plans/{plan_id}';
export const deletePlanWire = 'DELETE /plans/{plan_id}';
export const createSubscriptionWire = 'POST /subscriptions';
export const listSubscriptionsWire = 'GET /subscriptions';
export const updateSubscriptionWire = 'PATCH /subscriptions/{subscription_id}';
export const cancelSubscriptionWire = 'DELETE /subscriptions/{subscription_id}';

// @lava-sdk/meters
export const listMetersWire = 'GET /meters';
export const retrieveMeterWire = 'GET /meters/{meter_id}';
export const createMeterWire = 'POST /meters';
export const updateMeterWire = 'PATCH /meters/{meter_id}';
export const deleteMeterWire = 'DELETE /meters/{meter_id}';

// @lava-sdk/credit-bundles
export const listCreditBundlesWire = 'GET /credit_bundles';
export const retrieveCreditBundleWire = 'GET /credit_bundles/{credit_bundle_id}';

// @lava-sdk/webhooks
export const listWebhooksWire = 'GET /webhooks';
export const retrieveWebhookWire = 'GET /webhooks/{webhook_id}';
export const createWebhookWire = 'POST /webhooks';
export const updateWebhookWire = 'PATCH /webhooks/{webhook_id}';
export const deleteWebhookWire = 'DELETE /webhooks/{webhook_id}';

// @lava-sdk/secret-keys
export const listSecretKeysWire = 'GET /secret_keys';
export const createSecretKeyWire = 'POST /secret_keys';
export const deleteSecretKeyWire = 'DELETE /secret_keys/{secret_key_id}';

// @lava-sdk/spend-keys
export const listSpendKeysWire = 'GET /spend_keys';
export const retrieveSpendKeyWire = 'GET /spend_keys/{spend_key_id}';
export const createSpendKeyWire = 'POST /spend_keys';
export const updateSpendKeyWire = 'PUT /spend_keys/{spend_key_id}';
export const revokeSpendKeyWire = 'DELETE /spend_keys/{spend_key_id}';
export const rotateSpendKeyWire = 'POST /spend_keys/{spend_key_id}/rotate';

// @lava-sdk/models
export const listModelsWire = 'GET /models';

// @lava-sdk/auth
export const exchangeAuthCodeWire = 'POST /auth/callback';

// @lava-sdk/services
export const listServicesWire = 'GET /services';
export const searchProvidersWire = 'GET /services/providers';
export const retrieveProviderWire = 'GET /services/providers/{provider}';

// @lava-sdk/wallet
export const retrieveWalletWire = 'GET /wallet';
export const fundWalletWire = 'POST /wallet/fund';

// @lava-sdk/payment-methods
export const listPaymentMethodsWire = 'GET /payment_methods';

// Resource operations in the order of the official SDK's resources; then the rest, by package.
export const OPERATIONS = [
  {
    name: 'createCheckoutSession',
    package: '@lava-sdk/checkout-sessions',
    official: 'checkoutSessions.create',
    wire: createCheckoutSessionWire,
  },
  {
    name: 'createCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.create',
    wire: createCustomerWire,
  },
  {
    name: 'listCustomers',
    package: '@lava-sdk/customers',
    official: 'customers.list',
    wire: listCustomersWire,
  },
  {
    name: 'retrieveCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.retrieve',
    wire: retrieveCustomerWire,
  },
  {
    name: 'updateCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.update',
    wire: updateCustomerWire,
  },
  {
    name: 'deleteCustomer',
    package: '@lava-sdk/customers',
    official: 'customers.delete',
    wire: deleteCustomerWire,
  },
  {
    name: 'getCustomerSubscription',
    package: '@lava-sdk/customers',
    official: 'customers.getSubscription',
    wire: getCustomerSubscriptionWire,
  },
  { name: 'listRequests', package: '@lava-sdk/requests', official: 'requests.list', wire: listRequestsWire },
  {
    name: 'createRequest',
    package: '@lava-sdk/requests',
    official: 'requests.create',
    wire: createRequestWire,
  },
  {
    name: 'retrieveRequest',
    package: '@lava-sdk/requests',
    official: 'requests.retrieve',
    wire: retrieveRequestWire,
  },
  { name: 'retrieveUsage', package: '@lava-sdk/usage', official: 'usage.retrieve', wire: retrieveUsageWire },
  {
    name: 'listPlans',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.listPlans',
    wire: listPlansWire,
  },
  {
    name: 'retrievePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.retrievePlan',
    wire: retrievePlanWire,
  },
  {
    name: 'createPlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.createPlan',
    wire: createPlanWire,
  },
  {
    name: 'updatePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.updatePlan',
    wire: updatePlanWire,
  },
  {
    name: 'deletePlan',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.deletePlan',
    wire: deletePlanWire,
  },
  {
    name: 'createSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.create',
    wire: createSubscriptionWire,
  },
  {
    name: 'listSubscriptions',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.list',
    wire: listSubscriptionsWire,
  },
  {
    name: 'updateSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.update',
    wire: updateSubscriptionWire,
  },
  {
    name: 'cancelSubscription',
    package: '@lava-sdk/subscriptions',
    official: 'subscriptions.cancel',
    wire: cancelSubscriptionWire,
  },
  { name: 'listMeters', package: '@lava-sdk/meters', official: 'meters.list', wire: listMetersWire },
  {
    name: 'retrieveMeter',
    package: '@lava-sdk/meters',
    official: 'meters.retrieve',
    wire: retrieveMeterWire,
  },
  { name: 'createMeter', package: '@lava-sdk/meters', official: 'meters.create', wire: createMeterWire },
  { name: 'updateMeter', package: '@lava-sdk/meters', official: 'meters.update', wire: updateMeterWire },
  { name: 'deleteMeter', package: '@lava-sdk/meters', official: 'meters.delete', wire: deleteMeterWire },
  {
    name: 'listCreditBundles',
    package: '@lava-sdk/credit-bundles',
    official: 'creditBundles.list',
    wire: listCreditBundlesWire,
  },
  {
    name: 'retrieveCreditBundle',
    package: '@lava-sdk/credit-bundles',
    official: 'creditBundles.retrieve',
    wire: retrieveCreditBundleWire,
  },
  { name: 'listWebhooks', package: '@lava-sdk/webhooks', official: 'webhooks.list', wire: listWebhooksWire },
  {
    name: 'retrieveWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.retrieve',
    wire: retrieveWebhookWire,
  },
  {
    name: 'createWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.create',
    wire: createWebhookWire,
  },
  {
    name: 'updateWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.update',
    wire: updateWebhookWire,
  },
  {
    name: 'deleteWebhook',
    package: '@lava-sdk/webhooks',
    official: 'webhooks.delete',
    wire: deleteWebhookWire,
  },
  {
    name: 'listSecretKeys',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.list',
    wire: listSecretKeysWire,
  },
  {
    name: 'createSecretKey',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.create',
    wire: createSecretKeyWire,
  },
  {
    name: 'deleteSecretKey',
    package: '@lava-sdk/secret-keys',
    official: 'secretKeys.delete',
    wire: deleteSecretKeyWire,
  },
  {
    name: 'listSpendKeys',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.list',
    wire: listSpendKeysWire,
  },
  {
    name: 'retrieveSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.retrieve',
    wire: retrieveSpendKeyWire,
  },
  {
    name: 'createSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.create',
    wire: createSpendKeyWire,
  },
  {
    name: 'updateSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.update',
    wire: updateSpendKeyWire,
  },
  {
    name: 'revokeSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.revoke',
    wire: revokeSpendKeyWire,
  },
  {
    name: 'rotateSpendKey',
    package: '@lava-sdk/spend-keys',
    official: 'spendKeys.rotate',
    wire: rotateSpendKeyWire,
  },
  { name: 'listModels', package: '@lava-sdk/models', official: 'models.list', wire: listModelsWire },
  { name: 'gateway', package: '@lava-sdk/gateway', official: 'gateway' },
  { name: 'generateForwardToken', package: '@lava-sdk/gateway', official: 'generateForwardToken' },
  { name: 'providerUrls', package: '@lava-sdk/providers', official: 'providers' },
  { name: 'login', package: '@lava-sdk/auth', official: 'Lava.login' },
  {
    name: 'exchangeAuthCode',
    package: '@lava-sdk/auth',
    official: 'Lava.exchangeAuthCode',
    wire: exchangeAuthCodeWire,
  },
  // Beyond the official SDK.
  { name: 'verifyWebhookSignature', package: '@lava-sdk/webhooks' },
  { name: 'constructWebhookEvent', package: '@lava-sdk/webhooks' },
  { name: 'signWebhookPayload', package: '@lava-sdk/webhooks' },
  { name: 'listServices', package: '@lava-sdk/services', wire: listServicesWire },
  { name: 'searchProviders', package: '@lava-sdk/services', wire: searchProvidersWire },
  { name: 'retrieveProvider', package: '@lava-sdk/services', wire: retrieveProviderWire },
  { name: 'retrieveWallet', package: '@lava-sdk/wallet', wire: retrieveWalletWire },
  { name: 'fundWallet', package: '@lava-sdk/wallet', wire: fundWalletWire },
  { name: 'listPaymentMethods', package: '@lava-sdk/payment-methods', wire: listPaymentMethodsWire },
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
