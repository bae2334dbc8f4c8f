// Every example response of Lava's API reference (test/helpers/docs-examples.ts) through the SDK function
// of its operation: each must parse (a schema stricter than the docs turns a real answer into
// invalid_response), keep every field, and the function must send the registry's wire request.
import { OPERATIONS } from '@lava-sdk/core/internal';
import { retrieveCustomer } from '@lava-sdk/customers';
import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { DOCS_EXAMPLES } from './helpers/docs-examples';
import { BASE_URL, mockApi, testLava, useMsw } from './helpers/lava';

useMsw();
const lava = testLava();

// The packages of the registry's operations, loaded by name.
const packages: Record<string, Record<string, unknown>> = {};
for (const op of OPERATIONS) packages[op.package] ??= await import(op.package);

// The arguments after `lava` of each REST operation: the smallest valid call.
const ARGS: Record<string, unknown[]> = {
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
  retrieveUsage: [{ start: '2025-01-01T00:00:00Z' }],
  listPlans: [],
  retrievePlan: ['sc_1'],
  createPlan: [{ name: 'Free', period_amount: '0', billing_interval: 'month' }],
  updatePlan: ['sc_1', { name: 'Free 2' }],
  deletePlan: ['sc_1'],
  createSubscription: [{ customer_id: 'con_1', plan_id: 'sc_1' }],
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
};

type Call = () => PromiseLike<Result<unknown, { kind: string; message: string }>>;

function callOf(name: string, pkg: string): Call {
  const fn = packages[pkg]?.[name] as (...args: unknown[]) => ReturnType<Call>;
  // exchangeAuthCode takes no client: its base URL and code are its params.
  if (name === 'exchangeAuthCode') return () => fn({ code: 'code_123', baseUrl: BASE_URL });
  return () => fn(lava, ...(ARGS[name] ?? []));
}

const wired = OPERATIONS.filter((op) => 'wire' in op);

describe("Lava's API reference examples, through the SDK", () => {
  it('every REST operation of the registry has at least one example and a call', () => {
    for (const op of wired) {
      expect(DOCS_EXAMPLES[op.name]?.length, op.name).toBeGreaterThan(0);
      expect(op.name === 'exchangeAuthCode' || ARGS[op.name] !== undefined, op.name).toBe(true);
    }
    expect(Object.keys(DOCS_EXAMPLES).sort()).toEqual(wired.map((op) => op.name).sort());
  });

  for (const op of wired) {
    for (const [i, example] of (DOCS_EXAMPLES[op.name] ?? []).entries()) {
      it(`${op.name} #${i + 1} (${op.wire}): ${example.source}`, async () => {
        const seen = mockApi(() => example.body as never);
        const result = await callOf(op.name, op.package)();
        if (result.isErr()) throw new Error(`${result.error.kind}: ${result.error.message}`);
        // Every documented and undocumented field reaches the caller (absent ones may read as null).
        expect(result.value).toMatchObject(example.body as object);
        const [method, template = ''] = op.wire.split(' ');
        const path = new RegExp(`^/v1${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        expect(seen.map((s) => s.method)).toEqual([method]);
        expect(seen[0]?.path).toMatch(path);
      });
    }
  }

  it('reads an absent reference_id and metadata (an older reference page) as null', async () => {
    mockApi(() => DOCS_EXAMPLES.retrieveCustomer?.[1]?.body as never);
    const customer = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap();
    expect(customer).toMatchObject({ reference_id: null, metadata: null });
  });
});
