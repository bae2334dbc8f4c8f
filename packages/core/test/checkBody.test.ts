// checkBody's fast check (built once per schema, in place, no copy) must agree with valibot's own pass on
// every response schema: the same verdict, the same issues, the same value. Property-based: Lava's
// documented examples with random JSON put anywhere in them, or fields taken away.
import { CheckoutSession } from '@lava-sdk/checkout-sessions';
import { checkBody, Deleted, Success, scrubber, toIssues } from '@lava-sdk/core/internal';
import { CreditBundle, CreditBundleList } from '@lava-sdk/credit-bundles';
import { Customer, CustomerList, CustomerSubscription } from '@lava-sdk/customers';
import { Meter, MeterList } from '@lava-sdk/meters';
import { ModelList } from '@lava-sdk/models';
import { PaymentMethodList } from '@lava-sdk/payment-methods';
import { Request, RequestList } from '@lava-sdk/requests';
import { CreatedSecretKey, SecretKeyList } from '@lava-sdk/secret-keys';
import { ProviderSearchResults, ProviderSummary, ServiceCatalog } from '@lava-sdk/services';
import { CreatedSpendKey, SpendKey, SpendKeyList } from '@lava-sdk/spend-keys';
import { CreatedSubscription, Plan, PlanList, SubscriptionList } from '@lava-sdk/subscriptions';
import { Usage } from '@lava-sdk/usage';
import { FundWalletResult, Wallet } from '@lava-sdk/wallet';
import { CreatedWebhook, Webhook, WebhookList } from '@lava-sdk/webhooks';
import fc from 'fast-check';
import type { GenericSchema } from 'valibot';
import { safeParse } from 'valibot';
import { describe, expect, it } from 'vitest';
import { DOCS_EXAMPLES } from '../../../test/helpers/docs-examples';

// Each response schema, with the operation whose documented examples it reads.
const SCHEMAS: [GenericSchema, string][] = [
  [CheckoutSession, 'createCheckoutSession'],
  [Customer, 'retrieveCustomer'],
  [CustomerList, 'listCustomers'],
  [CustomerSubscription, 'getCustomerSubscription'],
  [Request, 'retrieveRequest'],
  [RequestList, 'listRequests'],
  [Usage, 'retrieveUsage'],
  [Plan, 'retrievePlan'],
  [PlanList, 'listPlans'],
  [CreatedSubscription, 'createSubscription'],
  [SubscriptionList, 'listSubscriptions'],
  [Success, 'cancelSubscription'],
  [Deleted, 'deletePlan'],
  [Meter, 'retrieveMeter'],
  [MeterList, 'listMeters'],
  [CreditBundle, 'retrieveCreditBundle'],
  [CreditBundleList, 'listCreditBundles'],
  [Webhook, 'retrieveWebhook'],
  [CreatedWebhook, 'createWebhook'],
  [WebhookList, 'listWebhooks'],
  [CreatedSecretKey, 'createSecretKey'],
  [SecretKeyList, 'listSecretKeys'],
  [SpendKey, 'retrieveSpendKey'],
  [CreatedSpendKey, 'rotateSpendKey'],
  [SpendKeyList, 'listSpendKeys'],
  [ModelList, 'listModels'],
  [ServiceCatalog, 'listServices'],
  [ProviderSearchResults, 'searchProviders'],
  [ProviderSummary, 'retrieveProvider'],
  [Wallet, 'retrieveWallet'],
  [FundWalletResult, 'fundWallet'],
  [PaymentMethodList, 'listPaymentMethods'],
];

const scrub = scrubber([]);
const origin = { status: 200, requestId: 'req_1' };

/** Every path to a value inside `body`: `['data', 0, 'metadata']`. */
function pathsOf(body: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof body !== 'object' || body === null) return [];
  const entries = Array.isArray(body) ? body.map((v, i) => [i, v] as const) : Object.entries(body);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...pathsOf(value, [...prefix, key])]);
}

/** `body` with the value at `path` replaced by `value`, or taken away when `value` is undefined. */
function drift(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('checkBody agrees with valibot on every response schema', () => {
  for (const [schema, op] of SCHEMAS) {
    it(op, () => {
      const examples = (DOCS_EXAMPLES[op] ?? []).map((e) => e.body);
      expect(examples.length).toBeGreaterThan(0);
      const drifted = fc
        .tuple(
          fc.constantFrom(...examples),
          fc.nat(),
          fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        )
        .map(([body, n, value]) => {
          const paths = pathsOf(body);
          return paths.length === 0 ? body : drift(body, paths[n % paths.length]!, value);
        });
      fc.assert(
        fc.property(fc.oneof(drifted, fc.constantFrom(...examples)), (body) => {
          const text = JSON.stringify(body);
          const checked = checkBody(schema, text, origin, scrub);
          const json = JSON.parse(text);
          if (typeof json !== 'object' || json === null || Array.isArray(json)) return;
          const result = safeParse(schema, json);
          if (result.success) {
            expect(checked.issues).toBeUndefined();
            expect(checked.value).toEqual(result.output);
          } else {
            expect(checked.issues).toEqual(toIssues(result.issues, scrub));
            if (checked.value !== undefined) expect(checked.value).toEqual(result.output);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('keys valibot leaves out of a copy', () => {
  // JSON.parse makes them plain own properties; valibot's copy drops them, lest an Object.assign of the
  // value reach a prototype. The fast check leaves such a body to valibot's pass.
  it.each(['__proto__', 'constructor', 'prototype'])('%s in a nested object', (key) => {
    const body = DOCS_EXAMPLES.retrieveCustomer![0]!.body as Record<string, unknown>;
    const text = JSON.stringify(body).replace('"contact":{', `"contact":{"${key}":1,`);
    const checked = checkBody(Customer, text, origin, scrub);
    expect(checked.issues).toBeUndefined();
    expect(Object.hasOwn((checked.value as { contact: object }).contact, key)).toBe(false);
    expect(checked.value).toEqual(safeParse(Customer, JSON.parse(text)).output);
  });
});
