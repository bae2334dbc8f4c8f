// Contract test: every public REST function of the SDK, plus paginate() and the gateway functions, against the
// emulator's real HTTP server. Each call must come back Ok, i.e. the emulator's answer passes the SDK's strict
// response schema: an `invalid_response` here means the emulator and the SDK disagree on a documented shape.
// One emulator for the whole file, never reset: the calls build on each other in a realistic order
// (meter → plan with bundles → customer → subscription → usage → …) and share ids through `s`.
import * as auth from '@lava-sdk/auth';
import * as checkoutSessions from '@lava-sdk/checkout-sessions';
import { collectAll, createLava, type LavaClient, type LavaError, paginate } from '@lava-sdk/core';
import { OPERATIONS } from '@lava-sdk/core/internal';
import * as creditBundles from '@lava-sdk/credit-bundles';
import * as customers from '@lava-sdk/customers';
import * as gatewayPackage from '@lava-sdk/gateway';
import * as meters from '@lava-sdk/meters';
import * as models from '@lava-sdk/models';
import * as paymentMethods from '@lava-sdk/payment-methods';
import * as requests from '@lava-sdk/requests';
import * as secretKeys from '@lava-sdk/secret-keys';
import type { ProviderSummary } from '@lava-sdk/services';
import * as services from '@lava-sdk/services';
import * as spendKeys from '@lava-sdk/spend-keys';
import * as subscriptions from '@lava-sdk/subscriptions';
import * as usage from '@lava-sdk/usage';
import * as wallet from '@lava-sdk/wallet';
import * as webhooks from '@lava-sdk/webhooks';
import type { Result } from 'neverthrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLS, DOCS_EXAMPLES, PLACEHOLDERS } from '../../../test/helpers/docs-examples';
import { EMULATOR_PAYMENT_METHOD_ID, EMULATOR_SECRET_KEY, EMULATOR_WALLET_ID } from '../src/index';
import { type RunningEmulator, startEmulator } from '../src/server';

// The registry (OPERATIONS) drives this file's bookkeeping: every SDK function is called through
// `traced`, which notes the function in flight (the calls are sequential) and what it returned; the
// client's logger notes each request sent. The last tests check both against the registry and against
// the examples of Lava's API reference.
const sent = new Map<string, string[]>();
const returned = new Map<string, unknown[]>();
let active = '';
const note = <T>(map: Map<string, T[]>, name: string, value: T) =>
  map.set(name, [...(map.get(name) ?? []), value]);

function traced<M extends object>(module: M): M {
  const wrap =
    (name: string, fn: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      active = name;
      const result = fn(...args) as { map?: (f: (v: unknown) => unknown) => unknown };
      return typeof result?.map === 'function'
        ? result.map((value) => {
            note(returned, name, value);
            return value;
          })
        : result;
    };
  return Object.fromEntries(
    Object.entries(module).map(([name, value]) => [
      name,
      typeof value === 'function' ? wrap(name, value) : value,
    ]),
  ) as M;
}

const { exchangeAuthCode } = traced(auth);
const { createCheckoutSession } = traced(checkoutSessions);
const { listCreditBundles, retrieveCreditBundle } = traced(creditBundles);
const {
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} = traced(customers);
const { gateway, gatewayStream, generateForwardToken } = traced(gatewayPackage);
const { createMeter, deleteMeter, listMeters, retrieveMeter, updateMeter } = traced(meters);
const { listModels } = traced(models);
const { listPaymentMethods } = traced(paymentMethods);
const { createRequest, listRequests, retrieveRequest } = traced(requests);
const { createSecretKey, deleteSecretKey, listSecretKeys } = traced(secretKeys);
const { listServices, retrieveProvider, searchProviders } = traced(services);
const { createSpendKey, listSpendKeys, retrieveSpendKey, revokeSpendKey, rotateSpendKey, updateSpendKey } =
  traced(spendKeys);
const {
  cancelSubscription,
  createPlan,
  createSubscription,
  deletePlan,
  listPlans,
  listSubscriptions,
  retrievePlan,
  updatePlan,
  updateSubscription,
} = traced(subscriptions);
const { retrieveUsage } = traced(usage);
const { fundWallet, retrieveWallet } = traced(wallet);
const { createWebhook, deleteWebhook, listWebhooks, retrieveWebhook, updateWebhook } = traced(webhooks);

/** The dotted paths of `value`'s fields that none of the examples has (free-form maps aside). */
function undocumented(value: unknown, examples: unknown[], path = ''): string[] {
  const objects = examples.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
  if (Array.isArray(value)) {
    const items = objects.filter(Array.isArray).flat();
    return value.flatMap((item, i) => undocumented(item, items, `${path}${i}.`));
  }
  if (typeof value !== 'object' || value === null || objects.length === 0) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    if (key === 'metadata' || key === 'example_body') return [];
    const known = objects.filter((o) => key in o);
    return known.length === 0
      ? [`${path}${key}`]
      : undocumented(
          field,
          known.map((o) => o[key]),
          `${path}${key}.`,
        );
  });
}

/** The value of an Ok result; an Err fails the test with its kind, message and schema issues. */
async function ok<T>(pending: PromiseLike<Result<T, LavaError>>): Promise<T> {
  const result = await pending;
  if (result.isErr()) {
    const e = result.error;
    const issues = 'issues' in e ? ` ${JSON.stringify(e.issues)}` : '';
    throw new Error(`expected Ok, got ${e.kind}: ${e.message}${issues}`);
  }
  return result.value;
}

/** The error of an Err result; an Ok fails the test. */
async function fails<T>(pending: PromiseLike<Result<T, LavaError>>): Promise<LavaError> {
  const result = await pending;
  if (result.isOk()) throw new Error(`expected Err, got Ok: ${JSON.stringify(result.value)}`);
  return result.error;
}

const today = () => new Date().toISOString().slice(0, 10);

/** `GET /customers/{customer_id}` as a pattern of the request line under `/v1`. */
const wireRoute = (wire: string) => {
  const [method, template = ''] = wire.split(' ');
  return new RegExp(`^${method} /v1${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
};

describe('contract: every SDK function against the emulator over HTTP', () => {
  let running: RunningEmulator;
  let lava: LavaClient;
  // Ids and values that flow from one call to the next.
  const s = {
    meterId: '',
    meterSlug: '',
    spareMeterId: '',
    planId: '',
    sparePlanId: '',
    bundleId: '',
    secondBundleId: '',
    customerId: '',
    spareCustomerId: '',
    subscriptionId: '',
    requestId: 'req_contract_1',
    charge: '',
    webhookId: '',
    secretKeyId: '',
    spendKeyId: '',
    spendKeyRaw: '',
    paymentMethodId: '',
    threeDsMethodId: '',
    threeDs: { redirectUrl: '', before: '' },
    balance: '',
  };

  beforeAll(async () => {
    running = await startEmulator({ host: '127.0.0.1', port: 0 });
    lava = createLava({
      secretKey: EMULATOR_SECRET_KEY,
      baseUrl: running.baseUrl,
      retryDelayMs: 1,
      // The contract: every emulator answer matches the documented schemas exactly.
      responseValidation: 'strict',
      logger: (entry) => {
        if (entry.event === 'request') note(sent, active, `${entry.method} ${new URL(entry.url).pathname}`);
      },
    });
  });
  afterAll(() => running.stop());

  describe('meters', () => {
    it('createMeter', async () => {
      const meter = await ok(
        createMeter(lava, {
          name: 'Chat tokens',
          meter_slug: 'chat-tokens',
          rate_type: 'fixed',
          tier_type: 'tokens_1m',
          tiers: [
            { start: '0', rate: '10' },
            { start: '1000000', rate: '5' },
          ],
        }),
      );
      expect(meter).toMatchObject({ meter_slug: 'chat-tokens', rate_type: 'fixed' });
      expect(meter.tiers).toEqual([
        { start: 0, rate: '10', type: 'tokens_1m' },
        { start: 1000000, rate: '5', type: 'tokens_1m' },
      ]);
      s.meterId = meter.meter_id;
      s.meterSlug = meter.meter_slug;
      const spare = await ok(
        createMeter(lava, {
          name: 'Requests',
          rate_type: 'fixed',
          tier_type: 'requests',
          tiers: [{ start: '0', rate: '0.01' }],
        }),
      );
      s.spareMeterId = spare.meter_id;
    });

    it('retrieveMeter', async () => {
      const meter = await ok(retrieveMeter(lava, s.meterId));
      expect(meter).toMatchObject({ meter_id: s.meterId, name: 'Chat tokens' });
    });

    it('updateMeter (only name and tiers change)', async () => {
      const meter = await ok(updateMeter(lava, s.meterId, { name: 'Chat tokens v2' }));
      expect(meter).toMatchObject({ meter_id: s.meterId, name: 'Chat tokens v2', meter_slug: s.meterSlug });
    });

    it('listMeters', async () => {
      const list = await ok(listMeters(lava));
      expect(list.data.map((m) => m.meter_id).sort()).toEqual([s.meterId, s.spareMeterId].sort());
      expect(list).toMatchObject({ has_more: false, next_cursor: null });
    });

    it('deleteMeter', async () => {
      expect(await ok(deleteMeter(lava, s.spareMeterId))).toEqual({ id: s.spareMeterId, deleted: true });
      const gone = await fails(retrieveMeter(lava, s.spareMeterId));
      expect(gone).toMatchObject({ kind: 'api', status: 404 });
    });
  });

  describe('plans and credit bundles', () => {
    it('createPlan with credit bundles', async () => {
      const plan = await ok(
        createPlan(lava, {
          name: 'Free',
          period_amount: '0',
          billing_interval: 'month',
          included_credit: '5.00',
          meter_ids: [s.meterId],
          credit_bundles: [
            { name: 'Small', cost: '5.00', credit_amount: '5.00' },
            { name: 'Large', cost: '20.00', credit_amount: '25.00' },
          ],
          default_auto_top_up_bundle_index: 0,
        }),
      );
      expect(plan.linked_meters).toEqual([{ meter_id: s.meterId, name: 'Chat tokens v2' }]);
      expect(plan.credit_bundles).toHaveLength(2);
      s.planId = plan.plan_id;
      s.bundleId = plan.credit_bundles[0]?.credit_bundle_id ?? '';
      s.secondBundleId = plan.credit_bundles[1]?.credit_bundle_id ?? '';
      expect(plan.default_auto_top_up_bundle_id).toBe(s.bundleId);
      const spare = await ok(
        createPlan(lava, { name: 'Spare', period_amount: '0', billing_interval: 'year' }),
      );
      s.sparePlanId = spare.plan_id;
    });

    it('retrievePlan', async () => {
      const plan = await ok(retrievePlan(lava, s.planId));
      expect(plan).toMatchObject({ plan_id: s.planId, included_credit: '5.00', billing_interval: 'month' });
    });

    it('updatePlan', async () => {
      const plan = await ok(updatePlan(lava, s.planId, { name: 'Free tier', rollover_type: 'full' }));
      expect(plan).toMatchObject({ name: 'Free tier', rollover_type: 'full', period_amount: '0.00' });
    });

    it('listPlans', async () => {
      const list = await ok(listPlans(lava, { limit: 10 }));
      expect(list.data.map((p) => p.plan_id).sort()).toEqual([s.planId, s.sparePlanId].sort());
    });

    it('deletePlan', async () => {
      expect(await ok(deletePlan(lava, s.sparePlanId))).toEqual({ id: s.sparePlanId, deleted: true });
    });

    it('listCreditBundles filtered by plan_id', async () => {
      const list = await ok(listCreditBundles(lava, { plan_id: s.planId }));
      expect(list.data.map((b) => b.credit_bundle_id).sort()).toEqual([s.bundleId, s.secondBundleId].sort());
      expect(list.data.every((b) => b.plan_id === s.planId)).toBe(true);
    });

    it('retrieveCreditBundle', async () => {
      const bundle = await ok(retrieveCreditBundle(lava, s.secondBundleId));
      expect(bundle).toMatchObject({
        credit_bundle_id: s.secondBundleId,
        plan_id: s.planId,
        name: 'Large',
        cost: '20.00',
        credit_amount: '25.00',
      });
    });
  });

  describe('customers and subscriptions', () => {
    it('createCustomer', async () => {
      const customer = await ok(
        createCustomer(lava, {
          reference_id: 'contract_user',
          name: 'Grace Hopper',
          email: 'grace@example.com',
          metadata: { team: 'navy' },
        }),
      );
      expect(customer).toMatchObject({
        reference_id: 'contract_user',
        contact: { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' },
        subscription: null,
      });
      s.customerId = customer.customer_id;
      s.spareCustomerId = (await ok(createCustomer(lava, { reference_id: 'contract_spare' }))).customer_id;
    });

    it('retrieveCustomer (by id and by reference_id)', async () => {
      expect((await ok(retrieveCustomer(lava, s.customerId))).reference_id).toBe('contract_user');
      expect((await ok(retrieveCustomer(lava, 'contract_user'))).customer_id).toBe(s.customerId);
    });

    it('updateCustomer', async () => {
      const customer = await ok(updateCustomer(lava, s.customerId, { phone: '+14155550123' }));
      expect(customer.contact.phone).toBe('+14155550123');
      expect(customer.metadata).toEqual({ team: 'navy' });
    });

    it('listCustomers', async () => {
      const list = await ok(listCustomers(lava, { limit: 1 }));
      expect(list.data).toHaveLength(1);
      expect(list.has_more).toBe(true);
      expect(list.next_cursor).toEqual(expect.any(String));
    });

    it('getCustomerSubscription before any subscription', async () => {
      expect(await ok(getCustomerSubscription(lava, s.customerId))).toEqual({ subscription: null });
    });

    it('createSubscription', async () => {
      const { subscription } = await ok(
        createSubscription(lava, { customer_id: s.customerId, plan_id: s.planId }),
      );
      expect(subscription).toMatchObject({
        plan_id: s.planId,
        status: 'active',
        auto_top_up_bundle_id: s.bundleId,
        credits: { total_remaining: '5.00', cycle_remaining: '5.00', bundle_remaining: '0.00' },
        pending_change: null,
      });
      s.subscriptionId = subscription.subscription_id;
      // The customer now shows the subscription.
      const customer = await ok(retrieveCustomer(lava, s.customerId));
      expect(customer.subscription).toMatchObject({
        subscription_id: s.subscriptionId,
        plan_id: s.planId,
        status: 'active',
      });
    });

    it('listSubscriptions', async () => {
      const list = await ok(listSubscriptions(lava, { customer_id: s.customerId, status: 'all' }));
      expect(list.data).toHaveLength(1);
      expect(list.data[0]).toMatchObject({
        subscription_id: s.subscriptionId,
        customer_id: s.customerId,
        customer: { phone: '+14155550123' },
      });
    });

    it('listSubscriptions: a customer created with an email only has a null phone', async () => {
      const emailOnly = await ok(createCustomer(lava, { email: 'lin@example.com' }));
      await ok(createSubscription(lava, { customer_id: emailOnly.customer_id, plan_id: s.planId }));
      const list = await ok(listSubscriptions(lava, { customer_id: emailOnly.customer_id }));
      expect(list.data[0]?.customer).toMatchObject({ phone: null, email: 'lin@example.com' });
    });

    it('updateSubscription', async () => {
      expect(
        await ok(updateSubscription(lava, s.subscriptionId, { auto_top_up_bundle_id: s.secondBundleId })),
      ).toEqual({ success: true });
      const { subscription } = await ok(getCustomerSubscription(lava, s.customerId));
      expect(subscription?.auto_top_up_bundle_id).toBe(s.secondBundleId);
    });
  });

  describe('checkout sessions', () => {
    it('createCheckoutSession in subscription mode', async () => {
      const session = await ok(
        createCheckoutSession(lava, {
          checkout_mode: 'subscription',
          origin_url: 'https://app.example.com',
          plan_id: s.planId,
        }),
      );
      expect(session).toMatchObject({
        checkout_mode: 'subscription',
        origin_url: 'https://app.example.com',
        plan_id: s.planId,
      });
      expect(session.checkout_session_id).toMatch(/^cs_/);
      expect(session.customer_id ?? undefined).toBeUndefined();
      expect(session.completed_at ?? undefined).toBeUndefined();
    });

    it('createCheckoutSession in credit_bundle mode; completing it adds the bundle credit', async () => {
      const session = await ok(
        createCheckoutSession(lava, {
          checkout_mode: 'credit_bundle',
          origin_url: 'https://app.example.com',
          customer_id: s.customerId,
          credit_bundle_id: s.bundleId,
        }),
      );
      expect(session.checkout_mode).toBe('credit_bundle');
      running.emulator.completeCheckout(session.checkout_session_id);
      const { subscription } = await ok(getCustomerSubscription(lava, s.customerId));
      expect(subscription?.credits).toMatchObject({
        total_remaining: '10.00',
        cycle_remaining: '5.00',
        bundle_remaining: '5.00',
      });
    });
  });

  describe('requests and usage', () => {
    it('createRequest', async () => {
      const request = await ok(
        createRequest(lava, {
          request_id: s.requestId,
          customer_id: s.customerId,
          meter_slug: s.meterSlug,
          input_tokens: 20_000,
          output_tokens: 10_000,
          metadata: { feature: 'chat' },
        }),
      );
      // 30,000 tokens at $10 per million.
      expect(request).toMatchObject({
        request_id: s.requestId,
        status: 'completed',
        customer_id: s.customerId,
        meter_id: s.meterId,
        metadata: { feature: 'chat' },
        charge: { amount: '0.3000000000', rate_type: 'fixed' },
      });
      s.charge = request.charge.amount;
      for (let i = 2; i <= 5; i++) {
        await ok(
          createRequest(lava, {
            request_id: `req_contract_${i}`,
            customer_id: s.customerId,
            meter_slug: s.meterSlug,
            input_tokens: 1000,
            metadata: { feature: 'search' },
          }),
        );
      }
    });

    it('createRequest is idempotent on request_id', async () => {
      const again = await ok(
        createRequest(lava, {
          request_id: s.requestId,
          customer_id: s.customerId,
          meter_slug: s.meterSlug,
          input_tokens: 20_000,
          output_tokens: 10_000,
        }),
      );
      expect(again.charge.amount).toBe(s.charge);
      expect(running.emulator.state.requests.size).toBe(5);
    });

    it('retrieveRequest', async () => {
      const request = await ok(retrieveRequest(lava, s.requestId));
      expect(request.model_usage).toMatchObject({
        input_tokens: 20_000,
        output_tokens: 10_000,
        total_tokens: 30_000,
      });
    });

    it('listRequests with customer_id, meter_id and metadata_filters', async () => {
      const chat = await ok(
        listRequests(lava, {
          customer_id: s.customerId,
          meter_id: s.meterId,
          metadata_filters: { feature: 'chat' },
        }),
      );
      expect(chat.data.map((r) => r.request_id)).toEqual([s.requestId]);
      const search = await ok(listRequests(lava, { metadata_filters: { feature: 'search' } }));
      expect(search.data).toHaveLength(4);
    });

    it('paginate() walks listRequests over several pages', async () => {
      const ids: string[] = [];
      for await (const r of paginate(listRequests, lava, { customer_id: s.customerId, limit: 2 })) {
        ids.push(r._unsafeUnwrap().request_id);
      }
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
      expect(ids).toContain(s.requestId);
      const capped = await ok(collectAll(listRequests, lava, { limit: 2 }, { max: 3 }));
      expect(capped).toHaveLength(3);
    });

    it('retrieveUsage totals include the charge of createRequest', async () => {
      const usage = await ok(retrieveUsage(lava, { start: today(), customer_id: s.customerId }));
      // 30,000 + 4 × 1,000 tokens; $0.30 + 4 × $0.01.
      expect(usage.totals).toMatchObject({
        total_requests: 5,
        total_usage_tokens: 34_000,
        total_charge: '0.3400000000',
      });
      expect(usage.items.length).toBeGreaterThanOrEqual(1);
      const chatOnly = await ok(
        retrieveUsage(lava, { start: today(), metadata_filters: { feature: 'chat' } }),
      );
      expect(chatOnly.totals).toMatchObject({ total_requests: 1, total_charge: s.charge });
    });

    it('the charges reduce the subscription credits, cycle credit first', async () => {
      const { subscription } = await ok(getCustomerSubscription(lava, s.customerId));
      expect(subscription?.credits).toMatchObject({
        total_remaining: '9.66',
        cycle_remaining: '4.66',
        bundle_remaining: '5.00',
      });
    });
  });

  describe('gateway', () => {
    it('generateForwardToken mints a token the emulator accepts', async () => {
      const token = generateForwardToken(lava, { customer_id: s.customerId, meter_slug: s.meterSlug });
      expect(JSON.parse(atob(token))).toEqual({
        secret_key: EMULATOR_SECRET_KEY,
        customer_id: s.customerId,
        meter_slug: s.meterSlug,
      });
      const response = await fetch(
        `${running.baseUrl}forward?u=${encodeURIComponent('https://api.openai.com/v1/models')}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      await response.body?.cancel();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-lava-request-id')).toMatch(/^req_/);
    });

    it('gateway: a chat completion billed to the customer', async () => {
      const before = running.emulator.state.requests.size;
      const completion = await ok(
        gateway<{ choices: { message: { content: string } }[]; usage: { total_tokens: number } }>(
          lava,
          'https://api.openai.com/v1/chat/completions',
          {
            body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] },
            customer_id: s.customerId,
            meter_slug: s.meterSlug,
            metadata: { feature: 'gateway' },
          },
        ),
      );
      expect(completion.choices[0]?.message.content).toContain('ping');
      expect(running.emulator.state.requests.size).toBe(before + 1);
      const billed = await ok(listRequests(lava, { metadata_filters: { feature: 'gateway' } }));
      expect(billed.data).toHaveLength(1);
      expect(billed.data[0]).toMatchObject({
        customer_id: s.customerId,
        provider: 'openai',
        model: 'gpt-4o-mini',
      });
      expect(billed.data[0]?.model_usage.total_tokens).toBe(completion.usage.total_tokens);
    });

    it('gatewayStream: an SSE completion, billed once the stream ends', async () => {
      const before = running.emulator.state.requests.size;
      const stream = await ok(
        gatewayStream(lava, 'https://api.openai.com/v1/chat/completions', {
          body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'stream me' }] },
          customer_id: s.customerId,
          meter_slug: s.meterSlug,
        }),
      );
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      type Chunk = { choices: { delta: { content?: string }; finish_reason: string | null }[] };
      let text = '';
      let finish: string | null = null;
      // The SDK ends the iteration at OpenAI's `data: [DONE]` without yielding it.
      for await (const event of stream) {
        const chunk = event.json as Chunk;
        text += chunk.choices[0]?.delta.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(text).toContain('stream me');
      expect(finish).toBe('stop');
      await expect.poll(() => running.emulator.state.requests.size).toBe(before + 1);
    });
  });

  describe('webhooks', () => {
    it('createWebhook', async () => {
      const hook = await ok(createWebhook(lava, { name: 'main', url: 'http://127.0.0.1:9/hook' }));
      expect(hook.webhook_secret).toMatch(/^whsec_/);
      s.webhookId = hook.webhook_id;
    });

    it('retrieveWebhook', async () => {
      const hook = await ok(retrieveWebhook(lava, s.webhookId));
      expect(hook).toMatchObject({ webhook_id: s.webhookId, name: 'main' });
      expect(hook).not.toHaveProperty('webhook_secret');
    });

    it('updateWebhook', async () => {
      const hook = await ok(updateWebhook(lava, s.webhookId, { url: 'http://127.0.0.1:9/v2' }));
      expect(hook.url).toBe('http://127.0.0.1:9/v2');
    });

    it('listWebhooks', async () => {
      expect((await ok(listWebhooks(lava))).data.map((w) => w.webhook_id)).toEqual([s.webhookId]);
    });

    it('deleteWebhook', async () => {
      expect(await ok(deleteWebhook(lava, s.webhookId))).toEqual({ id: s.webhookId, deleted: true });
      expect((await ok(listWebhooks(lava))).data).toEqual([]);
      await running.emulator.settled();
    });
  });

  describe('secret keys', () => {
    it('listSecretKeys shows the seeded key by its hint only', async () => {
      const list = await ok(listSecretKeys(lava));
      expect(list.data).toHaveLength(1);
      expect(list.data[0]?.secret_key_hint).toBe(EMULATOR_SECRET_KEY.slice(-4));
      expect(list.data[0]).not.toHaveProperty('secret_key');
    });

    it('createSecretKey returns a key that works', async () => {
      const created = await ok(createSecretKey(lava, { name: 'ci' }));
      expect(created.secret_key).toMatch(/^aks_test_/);
      expect(created.secret_key_hint).toBe(created.secret_key.slice(-4));
      s.secretKeyId = created.secret_key_id;
      const other = createLava({
        secretKey: created.secret_key,
        baseUrl: running.baseUrl,
        responseValidation: 'strict',
      });
      expect((await ok(retrieveWallet(other))).wallet_id).toBe(EMULATOR_WALLET_ID);
    });

    it('deleteSecretKey', async () => {
      expect(await ok(deleteSecretKey(lava, s.secretKeyId))).toEqual({ id: s.secretKeyId, deleted: true });
      expect((await ok(listSecretKeys(lava))).data).toHaveLength(1);
    });
  });

  describe('spend keys', () => {
    it('createSpendKey', async () => {
      const key = await ok(
        createSpendKey(lava, {
          name: 'agent',
          allowed_models: ['gpt-4o-mini'],
          spend_limit: { amount: '25.00', cycle: 'monthly' },
          rate_limit: { rpm: 60 },
        }),
      );
      expect(key.key).toMatch(/^lava_sk_/);
      expect(key).toMatchObject({
        name: 'agent',
        status: 'active',
        request_shape: 'openai',
        wallet_id: EMULATOR_WALLET_ID,
        spend_limit: { amount: '25.00', cycle: 'monthly' },
      });
      s.spendKeyId = key.spend_key_id;
      s.spendKeyRaw = key.key;
    });

    it('listSpendKeys', async () => {
      expect((await ok(listSpendKeys(lava))).data.map((k) => k.spend_key_id)).toEqual([s.spendKeyId]);
    });

    it('retrieveSpendKey', async () => {
      const key = await ok(retrieveSpendKey(lava, s.spendKeyId));
      expect(key).not.toHaveProperty('key');
      expect(s.spendKeyRaw.startsWith(key.key_preview.replace(/\*+$/, ''))).toBe(true);
    });

    it('updateSpendKey', async () => {
      const key = await ok(updateSpendKey(lava, s.spendKeyId, { status: 'paused', allowed_models: null }));
      expect(key).toMatchObject({ status: 'paused', allowed_models: null });
    });

    it('rotateSpendKey', async () => {
      const key = await ok(rotateSpendKey(lava, s.spendKeyId));
      expect(key.spend_key_id).toBe(s.spendKeyId);
      expect(key.key).not.toBe(s.spendKeyRaw);
      expect(key.spend_limit).toEqual({ amount: '25.00', cycle: 'monthly' });
    });

    it('revokeSpendKey', async () => {
      expect(await ok(revokeSpendKey(lava, s.spendKeyId))).toEqual({ success: true });
      expect((await ok(listSpendKeys(lava))).data).toEqual([]);
    });
  });

  describe('catalogue', () => {
    it('listModels', async () => {
      const models = await ok(listModels(lava));
      expect(models.object).toBe('list');
      expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');
    });

    it('listServices (all, and one provider)', async () => {
      const all = await ok(listServices(lava));
      expect(all.providers.length).toBeGreaterThan(1);
      const openai = await ok(listServices(lava, { provider: 'openai' }));
      expect(openai.providers.map((p) => p.id)).toEqual(['openai']);
      expect(openai.data.every((svc) => svc.provider === 'openai')).toBe(true);
    });

    it('searchProviders', async () => {
      const found = await ok(searchProviders(lava, { query: 'anthropic' }));
      const data: ProviderSummary[] = found.data;
      expect(data.map((p) => p.id)).toContain('anthropic');
      expect(data[0]).toMatchObject({ service_type: expect.any(String), entry_count: expect.any(Number) });
    });

    it('retrieveProvider', async () => {
      const provider = await ok(retrieveProvider(lava, 'openai'));
      expect(provider).toMatchObject({ id: 'openai', label: 'OpenAI' });
    });
  });

  describe('wallet and payment methods', () => {
    it('retrieveWallet', async () => {
      const wallet = await ok(retrieveWallet(lava));
      expect(wallet.wallet_id).toBe(EMULATOR_WALLET_ID);
      s.balance = wallet.balance;
    });

    it('listPaymentMethods', async () => {
      const methods = await ok(listPaymentMethods(lava));
      // Lava's reference shows expiry month and year as strings ("12", "2027").
      expect(methods.data.every((m) => typeof m.expiry_month === 'string')).toBe(true);
      const card = methods.data.find((m) => m.is_default);
      expect(card).toMatchObject({ payment_method_id: EMULATOR_PAYMENT_METHOD_ID, has_error: false });
      s.paymentMethodId = card?.payment_method_id ?? '';
      s.threeDsMethodId = methods.data.find((m) => !m.is_default)?.payment_method_id ?? '';
    });

    it('fundWallet with the listed default card raises the balance', async () => {
      expect(s.paymentMethodId).not.toBe('');
      const funded = await ok(fundWallet(lava, { payment_method_id: s.paymentMethodId, amount: '25.00' }));
      expect(funded.status).toBe('completed');
      expect(funded.payment_id).toMatch(/^pay_/);
      expect(Number(funded.balance)).toBeCloseTo(Number(s.balance) + 25, 6);
      expect((await ok(retrieveWallet(lava))).balance).toBe(funded.balance);
    });

    it('fundWallet with a 3-D Secure card answers requires_action and leaves the balance alone', async () => {
      expect(s.threeDsMethodId).not.toBe('');
      const before = (await ok(retrieveWallet(lava))).balance;
      const pending = await ok(fundWallet(lava, { payment_method_id: s.threeDsMethodId, amount: '10' }));
      expect(pending).toMatchObject({ status: 'requires_action', redirect_url: expect.any(String) });
      expect((await ok(retrieveWallet(lava))).balance).toBe(before);
      s.threeDs = { redirectUrl: pending.redirect_url ?? '', before };
    });

    it('its redirect_url serves the 3-D Secure page; authenticating there adds the amount, once', async () => {
      const { redirectUrl, before } = s.threeDs;
      const page = await fetch(redirectUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('$10.00');
      const authenticated = await fetch(redirectUrl, { method: 'POST' });
      expect(authenticated.status).toBe(200);
      expect(Number((await ok(retrieveWallet(lava))).balance)).toBeCloseTo(Number(before) + 10, 6);
      expect((await fetch(redirectUrl, { method: 'POST' })).status).toBe(409);
      expect((await fetch(redirectUrl)).status).toBe(410);
      expect((await fetch(`${new URL(redirectUrl).origin}/3ds/pay_unknown`)).status).toBe(404);
    });
  });

  describe('auth', () => {
    it('exchangeAuthCode trades the one-time code of /auth/connect for working credentials', async () => {
      const connect = await fetch(`${running.url}/auth/connect?state=contract&port=4567`, {
        redirect: 'manual',
      });
      const code = new URL(connect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const recording: typeof fetch = (input, init) => {
        note(sent, 'exchangeAuthCode', `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      };
      const credentials = await ok(
        exchangeAuthCode({ code, baseUrl: running.baseUrl }, { fetch: recording }),
      );
      expect(credentials).toMatchObject({
        wallet_id: EMULATOR_WALLET_ID,
        secret_key: expect.stringMatching(/^aks_test_/),
      });
    });
  });

  describe('teardown of the shared data', () => {
    it('cancelSubscription schedules the cancellation', async () => {
      expect(await ok(cancelSubscription(lava, s.subscriptionId))).toEqual({ success: true });
      const { subscription } = await ok(getCustomerSubscription(lava, s.customerId));
      expect(subscription?.status).toBe('active');
      expect(subscription?.pending_change).toMatchObject({ type: 'cancellation' });
    });

    it('deleteCustomer', async () => {
      expect(await ok(deleteCustomer(lava, s.spareCustomerId))).toEqual({ success: true });
      const gone = await fails(retrieveCustomer(lava, s.spareCustomerId));
      expect(gone).toMatchObject({ kind: 'api', status: 404 });
      expect((await ok(retrieveCustomer(lava, s.customerId))).customer_id).toBe(s.customerId);
    });
  });

  describe('the registry of operations', () => {
    it("every request sent here was exactly its operation's documented request", () => {
      for (const op of OPERATIONS) {
        if (!('wire' in op)) continue;
        for (const call of sent.get(op.name) ?? []) expect(call, op.name).toMatch(wireRoute(op.wire));
      }
      expect(sent.size).toBeGreaterThan(40);
    });

    it("no answer of the emulator has a field that Lava's reference examples lack", () => {
      for (const [name, values] of returned) {
        const examples = DOCS_EXAMPLES[name]?.map((e) => e.body);
        if (!examples) continue;
        for (const value of values) expect(undocumented(value, examples), name).toEqual([]);
      }
    });
  });
});

// Derived from the registry, with nothing to add per operation: every REST operation, called through its
// SDK function with its smallest call (CALLS), against an emulator holding one object of each kind (the
// placeholders' ids mapped to theirs). Each must be Ok (the emulator's answer passes the SDK's response
// schema), send exactly its registry wire, and answer no field Lava's reference examples lack. Deletions
// run last, so the others find what they name.
describe('contract: every REST operation of the registry, from its smallest call', () => {
  let running: RunningEmulator;
  const ids = new Map<string, string>();
  const sentBy = new Map<string, string[]>();
  let current = '';
  const placeholder = new RegExp(`\\b(${PLACEHOLDERS.join('|')})\\b`, 'g');
  const mapped = (text: string) => text.replace(placeholder, (id) => ids.get(id) ?? id);
  // The client's fetch: placeholders in the URL and body become the world's ids; every request is noted.
  const fetchMapped: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    const url = mapped(request.url);
    note(sentBy, current, `${request.method} ${new URL(url).pathname}`);
    const body = typeof init?.body === 'string' ? mapped(init.body) : (init?.body ?? null);
    return fetch(url, { ...init, body, headers: request.headers });
  };
  let lava: LavaClient;

  beforeAll(async () => {
    running = await startEmulator();
    lava = createLava({
      secretKey: EMULATOR_SECRET_KEY,
      baseUrl: running.baseUrl,
      fetch: fetchMapped,
      maxRetries: 0,
    });
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${running.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBeLessThan(300);
      return res.json();
    };
    const meter = await post('meters', {
      name: 'Chat',
      meter_slug: 'chat',
      rate_type: 'fixed',
      tier_type: 'tokens_1m',
      tiers: [{ start: '0', rate: '1' }],
    });
    const plan = await post('plans', {
      name: 'Free',
      period_amount: '0',
      billing_interval: 'month',
      included_credit: '10',
      meter_ids: [meter.meter_id],
      credit_bundles: [{ name: 'Top-up', cost: '5', credit_amount: '5' }],
    });
    const customer = await post('customers', { reference_id: 'world_1' });
    const spare = await post('customers', { reference_id: 'world_2' });
    const { subscription } = await post('subscriptions', {
      customer_id: customer.customer_id,
      plan_id: plan.plan_id,
    });
    const connect = await fetch(`${running.url}/auth/connect?state=contract&port=4567`, {
      redirect: 'manual',
    });
    const world: Record<(typeof PLACEHOLDERS)[number], string> = {
      con_1: customer.customer_id,
      con_2: spare.customer_id,
      sc_1: plan.plan_id,
      prd_1: meter.meter_id,
      cb_1: plan.credit_bundles[0].credit_bundle_id,
      as_1: subscription.subscription_id,
      wh_1: (await post('webhooks', { name: 'world', url: 'http://127.0.0.1:9/hooks' })).webhook_id,
      sk_1: (await post('secret_keys', { name: 'spare' })).secret_key_id,
      spk_1: (await post('spend_keys', { name: 'agent' })).spend_key_id,
      pm_1: EMULATOR_PAYMENT_METHOD_ID,
      code_123: new URL(connect.headers.get('location') ?? '').searchParams.get('code') ?? '',
    };
    for (const [id, real] of Object.entries(world)) ids.set(id, real);
  });
  afterAll(() => running.stop());

  const rest = OPERATIONS.filter((op) => 'wire' in op);
  const ordered = [
    ...rest.filter((op) => !op.wire.startsWith('DELETE')),
    ...rest.filter((op) => op.wire.startsWith('DELETE')),
  ];
  for (const op of ordered) {
    it(`${op.name} (${op.wire})`, async () => {
      const module = await import(op.package);
      const fn = module[op.name] as (...args: unknown[]) => PromiseLike<Result<unknown, LavaError>>;
      const call = CALLS[op.name];
      expect(
        call,
        `${op.name}: add its smallest call to CALLS (test/helpers/docs-examples.ts)`,
      ).toBeDefined();
      current = op.name;
      const value =
        op.name === 'exchangeAuthCode'
          ? await ok(fn({ ...(call?.[0] as object), baseUrl: running.baseUrl }, { fetch: fetchMapped }))
          : await ok(fn(lava, ...(call ?? [])));
      expect(sentBy.get(op.name)).toEqual([expect.stringMatching(wireRoute(op.wire))]);
      const examples = DOCS_EXAMPLES[op.name]?.map((e) => e.body) ?? [];
      expect(undocumented(value, examples), op.name).toEqual([]);
    });
  }
});
