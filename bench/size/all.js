// The whole SDK in one bundle: every function of every package that runs in a browser or at the edge
// (all but auth, the emulator and the Node-only lava-sdk full install, which re-exports auth).
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

globalThis.lavaSdk = {
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
