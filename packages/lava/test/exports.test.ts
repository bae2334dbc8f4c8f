// lava-sdk re-exports every runtime export of every package, as the same binding.
import * as auth from '@lava-sdk/auth';
import * as checkoutSessions from '@lava-sdk/checkout-sessions';
import * as core from '@lava-sdk/core';
import * as creditBundles from '@lava-sdk/credit-bundles';
import * as customers from '@lava-sdk/customers';
import * as gateway from '@lava-sdk/gateway';
import * as meters from '@lava-sdk/meters';
import * as models from '@lava-sdk/models';
import * as paymentMethods from '@lava-sdk/payment-methods';
import * as providers from '@lava-sdk/providers';
import * as requests from '@lava-sdk/requests';
import * as secretKeys from '@lava-sdk/secret-keys';
import * as services from '@lava-sdk/services';
import * as spendKeys from '@lava-sdk/spend-keys';
import * as subscriptions from '@lava-sdk/subscriptions';
import * as usage from '@lava-sdk/usage';
import * as wallet from '@lava-sdk/wallet';
import * as webhooks from '@lava-sdk/webhooks';
import * as sdk from 'lava-sdk';
import { describe, expect, it } from 'vitest';

const packages = {
  auth,
  checkoutSessions,
  core,
  creditBundles,
  customers,
  gateway,
  meters,
  models,
  paymentMethods,
  providers,
  requests,
  secretKeys,
  services,
  spendKeys,
  subscriptions,
  usage,
  wallet,
  webhooks,
};

describe('lava-sdk exports', () => {
  for (const [name, module] of Object.entries(packages)) {
    it(`everything of @lava-sdk/${name}`, () => {
      for (const [key, value] of Object.entries(module)) {
        expect((sdk as Record<string, unknown>)[key], key).toBe(value);
      }
    });
  }

  it('the function of every official method, and the Lava class', () => {
    const names =
      `createCheckoutSession createCustomer listCustomers retrieveCustomer updateCustomer deleteCustomer
      getCustomerSubscription listRequests createRequest retrieveRequest retrieveUsage listPlans retrievePlan createPlan
      updatePlan deletePlan createSubscription listSubscriptions updateSubscription cancelSubscription listMeters
      retrieveMeter createMeter updateMeter deleteMeter listCreditBundles retrieveCreditBundle listWebhooks
      retrieveWebhook createWebhook updateWebhook deleteWebhook verifyWebhookSignature constructWebhookEvent
      listSecretKeys createSecretKey deleteSecretKey listSpendKeys retrieveSpendKey createSpendKey updateSpendKey
      revokeSpendKey rotateSpendKey listModels generateForwardToken gateway gatewayStream forwardUrl rewriteUrl
      providerUrl providerUrls login exchangeAuthCode createLava paginate collectAll isLavaError Lava`.split(
        /\s+/,
      );
    for (const name of names) expect(typeof (sdk as Record<string, unknown>)[name], name).toBe('function');
    expect(typeof sdk.providers).toBe('object');
  });
});
