// What the tests know of each REST operation of the registry (OPERATIONS), by its name: its smallest valid
// call (CALLS) and the example responses of Lava's API reference (DOCS_EXAMPLES), kept as the reference pages
// show them ("<string>" placeholders included), each with the page it comes from. Where a page shows no
// example body, `body` is the documented shape with the values of a neighbouring example, and `note` says
// so. test/docs-examples.test.ts parses every example through the SDK's functions; the emulator's contract
// test makes every call against the emulator and checks its answers have no field the examples lack.

/**
 * The smallest valid call of each REST operation: the arguments after `lava` (for exchangeAuthCode its
 * params, the caller adds `baseUrl`). Ids are PLACEHOLDERS, which the emulator's contract test maps to the
 * objects it creates first.
 */
export const CALLS: Record<string, unknown[]> = {
  createCheckoutSession: [
    { checkout_mode: 'subscription', origin_url: 'https://app.example.com', plan_id: 'sc_1' },
  ],
  createCustomer: [{ email: 'ada@example.com' }],
  listCustomers: [],
  retrieveCustomer: ['con_1'],
  updateCustomer: ['con_1', { name: 'Ada' }],
  deleteCustomer: ['con_1'],
  getCustomerSubscription: ['con_1'],
  listRequests: [],
  createRequest: [{ request_id: 'req_1', customer_id: 'con_1', meter_slug: 'chat' }],
  retrieveRequest: ['req_1'],
  retrieveUsage: [{ start: new Date(Date.now() - 7 * 86_400_000).toISOString() }],
  listPlans: [],
  retrievePlan: ['sc_1'],
  createPlan: [{ name: 'Free', period_amount: '0', billing_interval: 'month' }],
  updatePlan: ['sc_1', { name: 'Free 2' }],
  deletePlan: ['sc_1'],
  createSubscription: [{ customer_id: 'con_2', plan_id: 'sc_1' }],
  listSubscriptions: [],
  updateSubscription: ['as_1', { auto_top_up_bundle_id: null }],
  cancelSubscription: ['as_1'],
  listMeters: [],
  retrieveMeter: ['prd_1'],
  createMeter: [
    { name: 'Chat', rate_type: 'fixed', tier_type: 'tokens_1m', tiers: [{ start: '0', rate: '1' }] },
  ],
  updateMeter: ['prd_1', { name: 'Chat 2' }],
  deleteMeter: ['prd_1'],
  listCreditBundles: [],
  retrieveCreditBundle: ['cb_1'],
  listWebhooks: [],
  retrieveWebhook: ['wh_1'],
  createWebhook: [{ name: 'main', url: 'https://example.com/hooks/lava' }],
  updateWebhook: ['wh_1', { name: 'renamed' }],
  deleteWebhook: ['wh_1'],
  listSecretKeys: [],
  createSecretKey: [{ name: 'ci' }],
  deleteSecretKey: ['sk_1'],
  listSpendKeys: [],
  retrieveSpendKey: ['spk_1'],
  createSpendKey: [{ name: 'agent' }],
  updateSpendKey: ['spk_1', { name: 'agent 2' }],
  revokeSpendKey: ['spk_1'],
  rotateSpendKey: ['spk_1'],
  listModels: [],
  listServices: [],
  searchProviders: [{ query: 'search' }],
  retrieveProvider: ['openai'],
  retrieveWallet: [],
  fundWallet: [{ payment_method_id: 'pm_1', amount: '25.00' }],
  listPaymentMethods: [],
  exchangeAuthCode: [{ code: 'code_123' }],
};

/**
 * The ids CALLS uses: a customer with a subscription and one without, a free plan with a credit bundle and
 * the `chat` meter, that subscription, a webhook, a spare secret key, a spend key, a payment method and a
 * login code. (`req_1`, a `request_id`, is the caller's own id.)
 */
export const PLACEHOLDERS = [
  'con_1',
  'con_2',
  'sc_1',
  'prd_1',
  'cb_1',
  'as_1',
  'wh_1',
  'sk_1',
  'spk_1',
  'pm_1',
  'code_123',
] as const;

export interface DocsExample {
  /** The reference page the example (or, with `note`, the shape) comes from. */
  source: string;
  /** Why the body is not the page's example verbatim, when it is not. */
  note?: string;
  /** The 2xx body. */
  body: unknown;
}

const customer = {
  customer_id: 'con_test_01EXAMPLE00000000000000001',
  reference_id: 'usr_abc123',
  contact: { phone: '+14155552671', email: 'user@example.com', first_name: 'Jane', last_name: 'Smith' },
  subscription: { subscription_id: '<string>', plan_id: '<string>', name: '<string>', status: 'active' },
  metadata: { plan_tier: 'enterprise', internal_id: '12345' },
  created_at: '2023-05-15T08:35:42Z',
};

const subscriptionBase = {
  subscription_id: '<string>',
  plan_id: '<string>',
  status: 'active',
  auto_top_up_bundle_id: '<string>',
  started_at: '2023-11-07T05:31:56Z',
  cancelled_at: '2023-11-07T05:31:56Z',
  cycle_start_at: '2023-11-07T05:31:56Z',
  cycle_end_at: '2023-11-07T05:31:56Z',
  plan: {
    name: '<string>',
    period_amount: '<string>',
    included_credit: '<string>',
    billing_interval: 'day',
    rollover_type: 'full',
    bundle_rollover_type: 'full',
  },
  credits: { total_remaining: '<string>', cycle_remaining: '<string>', bundle_remaining: '<string>' },
  pending_change: {
    type: 'cancellation',
    effective_at: '2023-11-07T05:31:56Z',
    plan_id: '<string>',
    name: '<string>',
    period_amount: '<string>',
    included_credit: '<string>',
  },
};

const request = {
  request_id: 'req_test_01EXAMPLE00000000000000001',
  status: 'pending',
  provider: 'openai',
  endpoint: 'POST https://api.openai.com/v1/chat/completions',
  provider_key_type: 'managed',
  model_usage: {
    input_tokens: 845,
    output_tokens: 412,
    total_tokens: 1257,
    input_characters: 0,
    output_characters: 0,
    total_characters: 0,
    input_seconds: 0,
    output_seconds: 0,
    total_seconds: 0,
    input_cost: '0.0169000000',
    output_cost: '0.0412000000',
    total_cost: '0.0581000000',
  },
  cost: '0.0581000000',
  charge: {
    amount: '0.0058100000',
    rate_type: 'percentage',
    breakdown: [
      {
        tier: { start: 0, rate: '0.0000000000', type: 'tokens_1m' },
        tokens: 1000000,
        characters: 0,
        seconds: 0,
        cost: '0.0000000000',
      },
    ],
  },
  metadata: { key: 'user_id', value: '123456' },
  created_at: '2023-05-15T14:22:31Z',
  customer_id: 'con_test_01EXAMPLE00000000000000001',
  meter_id: 'prd_test_01EXAMPLE00000000000000001',
  model: 'gpt-4',
  response_id: 'chatcmpl-abc123def456ghi789',
  timestamp: '2023-05-15T14:22:31Z',
};

const plan = {
  plan_id: '<string>',
  merchant_id: '<string>',
  name: '<string>',
  period_amount: '<string>',
  included_credit: '<string>',
  billing_interval: 'day',
  rollover_type: 'full',
  bundle_rollover_type: 'full',
  default_auto_top_up_bundle_id: '<string>',
  linked_meters: [{ meter_id: '<string>', name: '<string>' }],
  credit_bundles: [
    { credit_bundle_id: '<string>', name: '<string>', cost: '<string>', credit_amount: '<string>' },
  ],
  created_at: '2023-11-07T05:31:56Z',
};

const meter = {
  meter_id: '<string>',
  meter_slug: '<string>',
  name: '<string>',
  rate_type: 'fixed',
  tiers: [{ start: 0, rate: '<string>', type: 'tokens_1m' }],
  created_at: '2023-11-07T05:31:56Z',
};

const creditBundle = {
  credit_bundle_id: '<string>',
  plan_id: '<string>',
  name: '<string>',
  cost: '<string>',
  credit_amount: '<string>',
  created_at: '2023-11-07T05:31:56Z',
};

const webhook = {
  webhook_id: '<string>',
  name: '<string>',
  url: '<string>',
  created_at: '2023-11-07T05:31:56Z',
};

const secretKey = {
  secret_key_id: '<string>',
  name: '<string>',
  secret_key_hint: 'ab1c',
  created_at: '2023-11-07T05:31:56Z',
};

const spendKey = {
  spend_key_id: '<string>',
  key_preview: '<string>',
  name: '<string>',
  status: 'active',
  request_shape: 'openai',
  wallet_id: '<string>',
  current_spend: '<string>',
  total_spend: '<string>',
  current_requests: 1,
  total_requests: 1,
  created_at: '2023-11-07T05:31:56Z',
  allowed_models: ['<string>'],
  allowed_providers: ['<string>'],
  spend_limit: { amount: '<string>', cycle: 'daily' },
  request_limit: { count: 5000000, cycle: 'daily' },
  rate_limit: { rpm: 2, burst: 2 },
  expires_at: '2023-11-07T05:31:56Z',
  last_used_at: '2023-11-07T05:31:56Z',
};

const providerSummary = {
  id: '<string>',
  label: '<string>',
  api_reference: '<string>',
  service_type: 'model',
  managed: true,
  entry_count: 123,
};

const page = (item: unknown) => ({ data: [item], has_more: true, next_cursor: '<string>' });
const deleted = { id: '<string>', deleted: true };
const SCHEMA_ONLY = 'the page shows the schema but no example body: the documented shape, example values';
const PAGE_OF = 'the page shows no example: a page (lava-api.md §4) of the item example';

/** Example responses by operation name (OPERATIONS); several when the reference shows variants. */
export const DOCS_EXAMPLES: Record<string, DocsExample[]> = {
  createCheckoutSession: [
    {
      source: 'https://blog.lavapayments.com/docs/api-reference/checkout-sessions/create-checkout-session',
      note: 'assembled from the example value the page gives for each response field',
      body: {
        checkout_session_id: 'cs_test_01KKM3W4FRAEX8BER19F06YW4K',
        checkout_session_token:
          'eyJzZWNyZXQiOiJjc3NfdGVzdF9GNHFEQnVYM1FzSGUtTnVuaXJoZGlFR0NubjRFR3dCNUVuUXFZSEwyLVdzLXhyMUNWRFJzMS0xIiwiYmFzZSI6Imh0dHBzOi8vd3d3LmxhdmEuc28vIn0=',
        checkout_mode: 'subscription',
        origin_url: 'https://your-app.example.com/',
        created_at: '2023-05-15T08:30:00Z',
        customer_id: 'con_test_01KKM3W4FSP0AMHJSB8A4V9BPM',
        plan_id: 'sc_123',
        completed_at: '2023-05-15T08:35:42Z',
      },
    },
  ],
  createCustomer: [
    { source: 'https://www.lava.so/docs/api-reference/customers/create-customer', body: customer },
  ],
  listCustomers: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/customers/get-customer',
      note: PAGE_OF,
      body: page(customer),
    },
  ],
  retrieveCustomer: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/customers/get-customer',
      body: customer,
    },
    {
      source: 'https://blog.lavapayments.com/docs/api-reference/customers/get-customer',
      note: 'an older copy of the page: no reference_id, no metadata',
      body: {
        customer_id: 'con_test_01KKM3W4FSAMD0H1YHE399HR5M',
        contact: { phone: '+14155552671', email: 'user@example.com', first_name: 'Jane', last_name: 'Smith' },
        subscription: {
          subscription_id: '<string>',
          plan_id: '<string>',
          name: '<string>',
          status: 'active',
        },
        created_at: '2023-05-15T08:35:42Z',
      },
    },
  ],
  updateCustomer: [
    { source: 'https://lava.so/docs/api-reference/customers/update-customer', body: customer },
  ],
  deleteCustomer: [
    {
      source: 'https://lava.so/docs/api-reference/customers/delete-customer',
      note: SCHEMA_ONLY,
      body: { success: true },
    },
  ],
  getCustomerSubscription: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/customers/get-customer-subscription.md',
      note: `${SCHEMA_ONLY} (SubscriptionBase, values of the list-subscriptions example)`,
      body: { subscription: subscriptionBase },
    },
    {
      source: 'https://api.lavapayments.com/docs/api-reference/customers/get-customer-subscription',
      note: '"Active subscription details, or null if no subscription"',
      body: { subscription: null },
    },
  ],
  listRequests: [
    { source: 'https://lava.so/docs/api-reference/requests/get-request', note: PAGE_OF, body: page(request) },
  ],
  createRequest: [{ source: 'https://lava.so/docs/api-reference/requests/create-request', body: request }],
  retrieveRequest: [{ source: 'https://lava.so/docs/api-reference/requests/get-request', body: request }],
  retrieveUsage: [
    {
      source: 'https://lava.so/docs/api-reference/usage/get-usage-statistics',
      note: 'only the legacy rendering (lavapayments.com, total_usage_cost …) has an example: the current shape (SDK 11.2.0 RestUsage) with its counts',
      body: {
        items: [
          {
            date: '2023-05-15',
            start: '2023-05-15T00:00:00Z',
            end: '2023-05-15T23:59:59Z',
            total_requests: 100,
            total_usage_tokens: 45823,
            total_cost: '2.5741000000',
            total_charge: '0.2574100000',
          },
        ],
        totals: {
          total_requests: 1000,
          total_usage_tokens: 458230,
          total_cost: '25.7410000000',
          total_charge: '2.5741000000',
        },
      },
    },
  ],
  listPlans: [
    {
      source: 'https://blog.lavapayments.com/docs/api-reference/plans/get-plan',
      note: PAGE_OF,
      body: page(plan),
    },
  ],
  retrievePlan: [{ source: 'https://blog.lavapayments.com/docs/api-reference/plans/get-plan', body: plan }],
  createPlan: [
    {
      source: 'https://lava.so/docs/api-reference/plans/create-plan',
      note: 'the Plan example of get-plan',
      body: plan,
    },
  ],
  updatePlan: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/plans/update-plan.md',
      note: 'the Plan example of get-plan',
      body: plan,
    },
  ],
  deletePlan: [
    {
      source: 'https://www.lava.so/docs/api-reference/plans/delete-plan.md',
      note: SCHEMA_ONLY,
      body: deleted,
    },
  ],
  createSubscription: [
    {
      source: 'https://www.lava.so/docs/api-reference/subscriptions/create-subscription',
      note: 'the page types `subscription` as any ("<unknown>"): SubscriptionBase, as SDK 11.2.0 declares it',
      body: { subscription: subscriptionBase },
    },
  ],
  listSubscriptions: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/subscriptions/list-subscriptions.md',
      note: 'the rendered example still uses the old names (subscription_config_id, connection_id): the current names, its values',
      body: page({
        ...subscriptionBase,
        customer_id: '<string>',
        customer: { phone: '<string>', email: '<string>', first_name: '<string>', last_name: '<string>' },
      }),
    },
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/subscriptions/list-subscriptions.md',
      note: 'a customer created with an email only: phone is null, and no pending change',
      body: page({
        ...subscriptionBase,
        pending_change: null,
        customer_id: '<string>',
        customer: { phone: null, email: 'user@example.com' },
      }),
    },
  ],
  updateSubscription: [
    {
      source: 'https://www.lava.so/docs/api-reference/subscriptions/update-subscription',
      body: { success: true },
    },
  ],
  cancelSubscription: [
    {
      source: 'https://www.lava.so/docs/api-reference/cancel-subscription',
      note: SCHEMA_ONLY,
      body: { success: true },
    },
  ],
  listMeters: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/meters/list-meters.md',
      note: PAGE_OF,
      body: page(meter),
    },
  ],
  retrieveMeter: [
    {
      source: 'https://api.lavapayments.com/docs/api-reference/meters/get-meter',
      note: SCHEMA_ONLY,
      body: meter,
    },
  ],
  createMeter: [
    {
      source: 'https://api.lavapayments.com/docs/api-reference/create-meter',
      note: SCHEMA_ONLY,
      body: meter,
    },
  ],
  updateMeter: [
    { source: 'https://www.lava.so/docs/api-reference/meters/update-meter', note: SCHEMA_ONLY, body: meter },
  ],
  deleteMeter: [
    { source: 'https://www.lava.so/docs/api-reference/delete-meter', note: SCHEMA_ONLY, body: deleted },
  ],
  listCreditBundles: [
    {
      source: 'https://api.lavapayments.com/docs/api-reference/credit-bundles/get-credit-bundle',
      note: PAGE_OF,
      body: page(creditBundle),
    },
  ],
  retrieveCreditBundle: [
    {
      source: 'https://api.lavapayments.com/docs/api-reference/credit-bundles/get-credit-bundle',
      body: creditBundle,
    },
  ],
  listWebhooks: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/webhooks/list-webhooks.md',
      note: PAGE_OF,
      body: page(webhook),
    },
  ],
  retrieveWebhook: [
    {
      source: 'https://www.lava.so/docs/api-reference/create-webhook',
      note: 'the create example without webhook_secret',
      body: webhook,
    },
  ],
  createWebhook: [
    {
      source: 'https://www.lava.so/docs/api-reference/create-webhook',
      body: { ...webhook, webhook_secret: '<string>' },
    },
  ],
  updateWebhook: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/webhooks/update-webhook.md',
      note: 'the create example without webhook_secret',
      body: webhook,
    },
  ],
  deleteWebhook: [
    {
      source: 'https://lava.so/docs/api-reference/webhooks/delete-webhook',
      note: SCHEMA_ONLY,
      body: deleted,
    },
  ],
  listSecretKeys: [
    { source: 'https://api.lavapayments.com/docs/api-reference/list-secret-keys', body: page(secretKey) },
  ],
  createSecretKey: [
    {
      source: 'https://www.lava.so/docs/api-reference/create-secret-key',
      body: { ...secretKey, secret_key_hint: '<string>', secret_key: '<string>' },
    },
  ],
  deleteSecretKey: [
    { source: 'https://www.lava.so/docs/api-reference/revoke-secret-key', note: SCHEMA_ONLY, body: deleted },
  ],
  listSpendKeys: [
    { source: 'https://lava.so/docs/api-reference/spend-keys/list-spend-keys', body: page(spendKey) },
  ],
  retrieveSpendKey: [
    {
      source: 'https://lava.so/docs/api-reference/spend-keys/list-spend-keys',
      note: 'the list example item',
      body: spendKey,
    },
    {
      source: 'https://lava.so/docs/api-reference/spend-keys/create-spend-key',
      note: 'rate_limit written `{ rpm, burst? }`: burst absent, no limits',
      body: {
        ...spendKey,
        rate_limit: { rpm: 60 },
        spend_limit: null,
        request_limit: null,
        allowed_models: null,
        allowed_providers: null,
        expires_at: null,
        last_used_at: null,
      },
    },
  ],
  createSpendKey: [
    {
      source: 'https://lava.so/docs/api-reference/spend-keys/create-spend-key',
      note: 'the list example item with `key`',
      body: { ...spendKey, key: '<string>' },
    },
  ],
  updateSpendKey: [
    {
      source: 'https://lava.so/docs/api-reference/spend-keys/update-spend-key',
      note: 'the list example item',
      body: spendKey,
    },
  ],
  revokeSpendKey: [
    {
      source: 'https://www.lava.so/docs/api-reference/spend-keys/revoke-spend-key.md',
      note: SCHEMA_ONLY,
      body: { success: true },
    },
  ],
  rotateSpendKey: [
    {
      source: 'https://www.lava.so/docs/api-reference/rotate-spend-key',
      note: 'the list example item with `key`',
      body: { ...spendKey, key: '<string>' },
    },
  ],
  listModels: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/models/list-models.md',
      note: SCHEMA_ONLY,
      body: {
        object: 'list',
        data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721347200, owned_by: 'openai' }],
      },
    },
  ],
  listServices: [
    {
      source: 'https://lava.so/docs/api-reference/services/list-services',
      body: {
        object: 'list',
        data: [
          {
            id: '<string>',
            object: 'model',
            provider: '<string>',
            provider_label: '<string>',
            api_reference: '<string>',
            endpoint: '<string>',
            method: 'POST',
            url_template: '<string>',
            workflow: { kind: 'poll', poll_after: '<string>', id_field: '<string>' },
            example_body: {},
            service_type: 'model',
            managed: true,
            pricing: {
              type: 'tokens_1m',
              input: 123,
              output: 123,
              cache_input_read: 123,
              cache_input_write: 123,
              cost_per_request: 123,
              text: { input: 123, output: 123 },
              audio: { input: 123, output: 123 },
              image: { input: 123, output: 123 },
            },
            capabilities: ['<string>'],
          },
        ],
        providers: [providerSummary],
      },
    },
    {
      source: 'https://www.lava.so/docs/api-reference/services/list-services',
      note: 'an older copy of the page: no api_reference, endpoint, method, url_template, workflow, example_body',
      body: {
        object: 'list',
        data: [
          {
            id: '<string>',
            object: 'model',
            provider: '<string>',
            provider_label: '<string>',
            service_type: 'model',
            managed: true,
            pricing: { type: 'tokens_1m', input: 123, output: 123 },
            capabilities: ['<string>'],
          },
        ],
        providers: [
          { id: '<string>', label: '<string>', service_type: 'model', managed: true, entry_count: 123 },
        ],
      },
    },
  ],
  searchProviders: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/services/search-providers.md',
      note: "the page shows no envelope: ranked provider summaries (the list-services provider example) under `data`, with list-services' `object: 'list'`",
      body: { object: 'list', data: [providerSummary] },
    },
  ],
  retrieveProvider: [
    {
      source: 'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/services/get-provider-details.md',
      note: 'the list-services provider example',
      body: providerSummary,
    },
  ],
  retrieveWallet: [
    {
      source: 'https://lava.so/docs/api-reference/wallet/get-wallet',
      body: { wallet_id: '<string>', balance: '50.00' },
    },
  ],
  fundWallet: [
    {
      source: 'https://www.lava.so/docs/api-reference/wallet/add-funds-to-wallet',
      body: { status: 'completed', payment_id: 'pay_abc123', balance: '75.00' },
    },
    {
      source: 'https://www.lava.so/docs/api-reference/wallet/add-funds-to-wallet',
      note: '3-D Secure: every field is optional; redirect_url only, no payment_id',
      body: { status: 'requires_action', redirect_url: 'https://hooks.stripe.com/3d_secure_2/hosted' },
    },
  ],
  listPaymentMethods: [
    {
      source: 'https://www.lava.so/docs/api-reference/payment-methods/list-payment-methods',
      body: {
        data: [
          {
            payment_method_id: '<string>',
            last4: '4242',
            expiry_month: '12',
            expiry_year: '2027',
            brand: 'visa',
            is_default: true,
            has_error: true,
            error_code: '<string>',
            error_message: '<string>',
            error_at: '<string>',
          },
        ],
      },
    },
  ],
  exchangeAuthCode: [
    {
      source:
        'https://lava-a04d7b3f.mintlify.dev/docs/api-reference/authentication/exchange-cli-auth-code.md',
      note: `${SCHEMA_ONLY} (SDK 11.2.0 RestAuthCredentials)`,
      body: {
        wallet_id: '<string>',
        secret_key_id: '<string>',
        secret_key: 'aks_test_EXAMPLEnotreal',
        merchant_id: '<string>',
        account_id: '<string>',
      },
    },
  ],
};

/**
 * What Lava's reference (lava-api.md) and this SDK's documented types say of a response's fields, beyond
 * the examples: the drift tests (test/drift.test.ts) read it to tell a documented value from a deviation.
 * Paths are dotted, `*` for any array index. Written from the docs, not from the schemas, which it checks.
 */
export interface DocumentedFields {
  /** Documented `| null`: null or absent; absent reads as null. */
  nullable?: string[];
  /** Documented `?`: absent, or null. */
  optional?: string[];
  /** Any JSON value at and under these paths (`example_body`; `metadata.*`: each metadata value). */
  any?: string[];
}

const under = (prefix: string, fields: DocumentedFields = {}): DocumentedFields => ({
  nullable: (fields.nullable ?? []).map((f) => `${prefix}.${f}`),
  optional: (fields.optional ?? []).map((f) => `${prefix}.${f}`),
  any: (fields.any ?? []).map((f) => `${prefix}.${f}`),
});
const merge = (...all: DocumentedFields[]): DocumentedFields => ({
  nullable: all.flatMap((f) => f.nullable ?? []),
  optional: all.flatMap((f) => f.optional ?? []),
  any: all.flatMap((f) => f.any ?? []),
});
// A cursor page: `next_cursor` is `string | null`, absent in older API versions (lava-api.md §4).
const pageOf = (item: DocumentedFields) => merge({ optional: ['next_cursor'] }, under('data.*', item));

const customerFields: DocumentedFields = {
  nullable: ['reference_id', 'subscription', 'metadata'],
  // lava-api.md writes `contact` as strings; a customer created with an email only has no phone, and the
  // SDK's type documents each contact field as absent or null.
  optional: ['contact.phone', 'contact.email', 'contact.first_name', 'contact.last_name'],
  any: ['metadata.*'],
};
const subscriptionBaseFields: DocumentedFields = {
  nullable: [
    'auto_top_up_bundle_id',
    'cancelled_at',
    'cycle_start_at',
    'cycle_end_at',
    'pending_change',
    'pending_change.effective_at',
  ],
  optional: [
    'pending_change.plan_id',
    'pending_change.name',
    'pending_change.period_amount',
    'pending_change.included_credit',
  ],
};
const subscriptionFields = merge(subscriptionBaseFields, {
  // `customer {phone, email?, …}`; the list-subscriptions example has `phone: null` (SDK type: null).
  nullable: ['customer.phone'],
  optional: ['customer.email', 'customer.first_name', 'customer.last_name'],
});
const requestFields: DocumentedFields = {
  optional: ['customer_id', 'meter_id', 'model', 'response_id', 'timestamp'],
  any: ['metadata.*'],
};
const planFields: DocumentedFields = { nullable: ['default_auto_top_up_bundle_id'] };
const spendKeyFields: DocumentedFields = {
  nullable: [
    'allowed_models',
    'allowed_providers',
    'spend_limit',
    'request_limit',
    'rate_limit',
    'rate_limit.burst',
    'expires_at',
    'last_used_at',
  ],
};
const providerFields: DocumentedFields = { optional: ['api_reference'] };
const serviceFields: DocumentedFields = {
  optional: [
    'api_reference',
    'endpoint',
    'method',
    'url_template',
    'workflow',
    'workflow.poll_after',
    'workflow.id_field',
    'example_body',
    ...['input', 'output', 'cache_input_read', 'cache_input_write', 'cost_per_request'].map(
      (price) => `pricing.${price}`,
    ),
    ...['text', 'audio', 'image'].flatMap((m) => [
      `pricing.${m}`,
      `pricing.${m}.input`,
      `pricing.${m}.output`,
    ]),
  ],
  any: ['example_body'],
};

/** The documented fields of each REST operation's response, by operation name (OPERATIONS). */
export const DOCUMENTED_FIELDS: Record<string, DocumentedFields> = {
  createCheckoutSession: { optional: ['customer_id', 'plan_id', 'completed_at'] },
  createCustomer: customerFields,
  listCustomers: pageOf(customerFields),
  retrieveCustomer: customerFields,
  updateCustomer: customerFields,
  getCustomerSubscription: merge(
    { nullable: ['subscription'] },
    under('subscription', subscriptionBaseFields),
  ),
  listRequests: pageOf(requestFields),
  createRequest: requestFields,
  retrieveRequest: requestFields,
  listPlans: pageOf(planFields),
  retrievePlan: planFields,
  createPlan: planFields,
  updatePlan: planFields,
  createSubscription: under('subscription', subscriptionBaseFields),
  listSubscriptions: pageOf(subscriptionFields),
  listMeters: pageOf({}),
  listCreditBundles: pageOf({}),
  listWebhooks: pageOf({}),
  listSecretKeys: pageOf({}),
  listSpendKeys: pageOf(spendKeyFields),
  retrieveSpendKey: spendKeyFields,
  createSpendKey: spendKeyFields,
  updateSpendKey: spendKeyFields,
  rotateSpendKey: spendKeyFields,
  listServices: merge(under('data.*', serviceFields), under('providers.*', providerFields)),
  // The page shows no envelope: `object` is the example's, not a documented field.
  searchProviders: merge({ any: ['object'] }, under('data.*', providerFields)),
  retrieveProvider: providerFields,
  fundWallet: { optional: ['payment_id', 'balance', 'redirect_url'] },
  listPaymentMethods: under('data.*', { optional: ['error_code', 'error_message', 'error_at'] }),
};

/** Response enums (by field name): documented values, and any value Lava adds later. */
export const ENUM_FIELDS = [
  'status',
  'object',
  'type',
  'rate_type',
  'billing_interval',
  'rollover_type',
  'bundle_rollover_type',
  'checkout_mode',
  'provider_key_type',
  'request_shape',
  'cycle',
  'service_type',
  'kind',
  'method',
];
