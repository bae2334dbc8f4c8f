// The SDK's own functions against the emulator's real HTTP server: every response must pass their schemas.
import { paginate } from '@lava-sdk/core';
import {
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} from '@lava-sdk/customers';
import { createMeter, deleteMeter, listMeters, retrieveMeter, updateMeter } from '@lava-sdk/meters';
import { createRequest, listRequests, retrieveRequest } from '@lava-sdk/requests';
import {
  cancelSubscription,
  createPlan,
  createSubscription,
  deletePlan,
  listPlans,
  listSubscriptions,
  retrievePlan,
  updatePlan,
  updateSubscription,
} from '@lava-sdk/subscriptions';
import { retrieveUsage } from '@lava-sdk/usage';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  retrieveWebhook,
  updateWebhook,
} from '@lava-sdk/webhooks';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './helpers';

const served = useEmulator();

describe('customers through @lava-sdk/customers', () => {
  it('creates, retrieves, updates, lists and deletes', async () => {
    const { lava } = served;
    const created = (
      await createCustomer(lava, {
        reference_id: 'user_42',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        metadata: { tier: 'gold' },
      })
    )._unsafeUnwrap();
    expect(created.customer_id).toMatch(/^con_[0-9A-Z]{26}$/);
    expect(created).toMatchObject({
      reference_id: 'user_42',
      contact: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
      subscription: null,
      metadata: { tier: 'gold' },
    });
    // reference_id makes create idempotent, and works wherever a customer id does.
    const again = (await createCustomer(lava, { reference_id: 'user_42' }))._unsafeUnwrap();
    expect(again.customer_id).toBe(created.customer_id);
    expect((await retrieveCustomer(lava, 'user_42'))._unsafeUnwrap().customer_id).toBe(created.customer_id);
    const updated = (
      await updateCustomer(lava, created.customer_id, { phone: '+14155550100', metadata: null })
    )._unsafeUnwrap();
    expect(updated.contact.phone).toBe('+14155550100');
    expect(updated.metadata).toBeNull();
    expect((await getCustomerSubscription(lava, created.customer_id))._unsafeUnwrap()).toEqual({
      subscription: null,
    });
    expect((await deleteCustomer(lava, created.customer_id))._unsafeUnwrap()).toEqual({ success: true });
    const gone = (await retrieveCustomer(lava, created.customer_id))._unsafeUnwrapErr();
    expect(gone).toMatchObject({ kind: 'api', status: 404, code: 'not_found' });
    if (gone.kind === 'api') expect(gone.requestId).toMatch(/^req_/);
  });

  it('paginates every customer with paginate()', async () => {
    const { lava } = served;
    for (let i = 0; i < 7; i++) (await createCustomer(lava, { reference_id: `u${i}` }))._unsafeUnwrap();
    const first = (await listCustomers(lava, { limit: 3 }))._unsafeUnwrap();
    expect(first.data.map((c) => c.reference_id)).toEqual(['u6', 'u5', 'u4']);
    expect(first.has_more).toBe(true);
    const refs: (string | null)[] = [];
    for await (const c of paginate(listCustomers, served.lava, { limit: 2 }))
      refs.push(c._unsafeUnwrap().reference_id);
    expect(refs).toEqual(['u6', 'u5', 'u4', 'u3', 'u2', 'u1', 'u0']);
  });

  it('maps a wrong key to a 401 api error', async () => {
    const { createLava } = await import('@lava-sdk/core');
    const bad = createLava({ secretKey: 'aks_test_wrong', baseUrl: served.baseUrl, maxRetries: 0 });
    expect((await listCustomers(bad))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 401,
      code: 'invalid_api_key',
    });
  });
});

describe('meters, plans and subscriptions through the SDK', () => {
  it('runs the whole lifecycle', async () => {
    const { lava } = served;
    const meter = (
      await createMeter(lava, {
        name: 'Tokens',
        rate_type: 'fixed',
        tier_type: 'tokens_1m',
        tiers: [{ start: '0', rate: '2.50' }],
      })
    )._unsafeUnwrap();
    expect(meter).toMatchObject({
      meter_slug: 'tokens',
      tiers: [{ start: 0, rate: '2.50', type: 'tokens_1m' }],
    });
    expect((await retrieveMeter(lava, meter.meter_id))._unsafeUnwrap().name).toBe('Tokens');
    expect((await updateMeter(lava, meter.meter_id, { name: 'Tokens v2' }))._unsafeUnwrap().name).toBe(
      'Tokens v2',
    );
    expect((await listMeters(lava))._unsafeUnwrap().data).toHaveLength(1);

    const plan = (
      await createPlan(lava, {
        name: 'Starter',
        period_amount: '0',
        billing_interval: 'month',
        included_credit: '3.00',
        meter_ids: [meter.meter_id],
        credit_bundles: [{ name: 'Boost', cost: '5.00', credit_amount: '6.00' }],
        default_auto_top_up_bundle_index: 0,
      })
    )._unsafeUnwrap();
    expect(plan.linked_meters).toEqual([{ meter_id: meter.meter_id, name: 'Tokens v2' }]);
    expect(plan.default_auto_top_up_bundle_id).toBe(plan.credit_bundles[0]?.credit_bundle_id);
    expect((await retrievePlan(lava, plan.plan_id))._unsafeUnwrap().included_credit).toBe('3.00');
    const renamed = (await updatePlan(lava, plan.plan_id, { name: 'Starter+' }))._unsafeUnwrap();
    expect(renamed.name).toBe('Starter+');
    expect((await listPlans(lava))._unsafeUnwrap().data.map((p) => p.plan_id)).toEqual([plan.plan_id]);

    const customer = (
      await createCustomer(lava, { reference_id: 'sub_user', phone: '+14155550100' })
    )._unsafeUnwrap();
    const { subscription } = (
      await createSubscription(lava, { customer_id: 'sub_user', plan_id: plan.plan_id })
    )._unsafeUnwrap();
    expect(subscription).toMatchObject({
      status: 'active',
      credits: { total_remaining: '3.00', cycle_remaining: '3.00', bundle_remaining: '0.00' },
    });
    const listed = (await listSubscriptions(lava, { customer_id: customer.customer_id }))._unsafeUnwrap();
    expect(listed.data[0]).toMatchObject({
      customer_id: customer.customer_id,
      customer: { phone: '+14155550100' },
    });
    expect(
      (
        await updateSubscription(lava, subscription.subscription_id, { auto_top_up_bundle_id: null })
      )._unsafeUnwrap(),
    ).toEqual({
      success: true,
    });
    expect((await cancelSubscription(lava, subscription.subscription_id))._unsafeUnwrap()).toEqual({
      success: true,
    });
    const after = (await getCustomerSubscription(lava, customer.customer_id))._unsafeUnwrap();
    expect(after.subscription?.pending_change).toMatchObject({ type: 'cancellation' });

    expect((await deletePlan(lava, plan.plan_id))._unsafeUnwrap()).toEqual({
      id: plan.plan_id,
      deleted: true,
    });
    expect((await deleteMeter(lava, meter.meter_id))._unsafeUnwrap()).toEqual({
      id: meter.meter_id,
      deleted: true,
    });
  });
});

describe('requests and usage through the SDK', () => {
  it('records, lists, filters and aggregates', async () => {
    const { lava } = served;
    (
      await createMeter(lava, {
        name: 'Tok',
        meter_slug: 'tok',
        rate_type: 'fixed',
        tier_type: 'tokens_1m',
        tiers: [{ start: '0', rate: '10' }],
      })
    )._unsafeUnwrap();
    const plan = (
      await createPlan(lava, {
        name: 'Free',
        period_amount: '0',
        billing_interval: 'month',
        included_credit: '1.00',
      })
    )._unsafeUnwrap();
    const customer = (await createCustomer(lava, { reference_id: 'r_user' }))._unsafeUnwrap();
    (
      await createSubscription(lava, { customer_id: customer.customer_id, plan_id: plan.plan_id })
    )._unsafeUnwrap();
    const request = (
      await createRequest(lava, {
        request_id: 'req_mine_1',
        customer_id: customer.customer_id,
        meter_slug: 'tok',
        input_tokens: 1000,
        output_tokens: 500,
        metadata: { feature: 'chat' },
      })
    )._unsafeUnwrap();
    expect(request).toMatchObject({
      request_id: 'req_mine_1',
      status: 'completed',
      charge: { amount: '0.0150000000', rate_type: 'fixed' },
    });
    (
      await createRequest(lava, {
        request_id: 'req_mine_2',
        customer_id: 'r_user',
        meter_slug: 'tok',
        input_tokens: 100,
        metadata: { feature: 'search' },
      })
    )._unsafeUnwrap();
    expect((await retrieveRequest(lava, 'req_mine_1'))._unsafeUnwrap().model_usage.total_tokens).toBe(1500);
    const chat = (await listRequests(lava, { metadata_filters: { feature: 'chat' } }))._unsafeUnwrap();
    expect(chat.data.map((r) => r.request_id)).toEqual(['req_mine_1']);
    const today = new Date().toISOString().slice(0, 10);
    const usage = (await retrieveUsage(lava, { start: today }))._unsafeUnwrap();
    expect(usage.totals).toMatchObject({
      total_requests: 2,
      total_usage_tokens: 1600,
      total_charge: '0.0160000000',
    });
    const sub = (await getCustomerSubscription(lava, customer.customer_id))._unsafeUnwrap();
    expect(sub.subscription?.credits.total_remaining).toBe('0.984');
  });
});

describe('webhooks through the SDK', () => {
  it('creates (with a secret, once), updates, lists, deletes, and stops at 3', async () => {
    const { lava } = served;
    const created = (
      await createWebhook(lava, { name: 'main', url: 'https://example.com/hook' })
    )._unsafeUnwrap();
    expect(created.webhook_secret).toMatch(/^whsec_/);
    expect((await retrieveWebhook(lava, created.webhook_id))._unsafeUnwrap()).not.toHaveProperty(
      'webhook_secret',
    );
    expect((await updateWebhook(lava, created.webhook_id, { name: 'renamed' }))._unsafeUnwrap().name).toBe(
      'renamed',
    );
    (await createWebhook(lava, { name: 'b', url: 'https://example.com/b' }))._unsafeUnwrap();
    (await createWebhook(lava, { name: 'c', url: 'https://example.com/c' }))._unsafeUnwrap();
    const fourth = (
      await createWebhook(lava, { name: 'd', url: 'https://example.com/d' })
    )._unsafeUnwrapErr();
    expect(fourth).toMatchObject({ kind: 'api', status: 400, code: 'webhook_limit_reached' });
    expect((await listWebhooks(lava))._unsafeUnwrap().data).toHaveLength(3);
    expect((await deleteWebhook(lava, created.webhook_id))._unsafeUnwrap()).toEqual({
      id: created.webhook_id,
      deleted: true,
    });
  });
});
