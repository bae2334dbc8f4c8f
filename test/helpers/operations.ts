// The REST operations of the registry (OPERATIONS) as tests call them: each function by package, with the
// smallest valid arguments.
import * as auth from '@lava-sdk/auth';
import * as checkoutSessions from '@lava-sdk/checkout-sessions';
import type { LavaClient, LavaError } from '@lava-sdk/core';
import { OPERATIONS } from '@lava-sdk/core/internal';
import * as creditBundles from '@lava-sdk/credit-bundles';
import * as customers from '@lava-sdk/customers';
import * as meters from '@lava-sdk/meters';
import * as models from '@lava-sdk/models';
import * as paymentMethods from '@lava-sdk/payment-methods';
import * as requests from '@lava-sdk/requests';
import * as secretKeys from '@lava-sdk/secret-keys';
import * as services from '@lava-sdk/services';
import * as spendKeys from '@lava-sdk/spend-keys';
import * as subscriptions from '@lava-sdk/subscriptions';
import * as usage from '@lava-sdk/usage';
import * as wallet from '@lava-sdk/wallet';
import * as webhooks from '@lava-sdk/webhooks';
import type { Result } from 'neverthrow';
import { BASE_URL } from './lava';

/** Every package with a REST operation, by name, as OPERATIONS names them. */
export const packages: Record<string, Record<string, unknown>> = {
  '@lava-sdk/auth': auth,
  '@lava-sdk/checkout-sessions': checkoutSessions,
  '@lava-sdk/credit-bundles': creditBundles,
  '@lava-sdk/customers': customers,
  '@lava-sdk/meters': meters,
  '@lava-sdk/models': models,
  '@lava-sdk/payment-methods': paymentMethods,
  '@lava-sdk/requests': requests,
  '@lava-sdk/secret-keys': secretKeys,
  '@lava-sdk/services': services,
  '@lava-sdk/spend-keys': spendKeys,
  '@lava-sdk/subscriptions': subscriptions,
  '@lava-sdk/usage': usage,
  '@lava-sdk/wallet': wallet,
  '@lava-sdk/webhooks': webhooks,
};

/** The arguments after `lava` of each REST operation: the smallest valid call. */
export const ARGS: Record<string, unknown[]> = {
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

export type Call = () => PromiseLike<Result<unknown, LavaError>>;

/** A call of the operation `name` of package `pkg` through the client `lava`, with its smallest valid arguments. */
export function callOf(name: string, pkg: string, lava: LavaClient): Call {
  const fn = packages[pkg]?.[name] as (...args: unknown[]) => ReturnType<Call>;
  // exchangeAuthCode takes no client: its base URL and code are its params.
  if (name === 'exchangeAuthCode') return () => fn({ code: 'code_123', baseUrl: BASE_URL });
  return () => fn(lava, ...(ARGS[name] ?? []));
}

/** The REST operations of the registry: those with a wire request. */
export const WIRED = OPERATIONS.filter((op) => 'wire' in op);
