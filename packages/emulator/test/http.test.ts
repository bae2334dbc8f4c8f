// Plain fetch against the server: Lava's error shapes, limits, pagination, and the remaining endpoints.
import { describe, expect, it } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { api, useEmulator } from './helpers';

const served = useEmulator();
const errorShape = (status: number) => ({
  error: { message: expect.any(String), code: expect.any(String), status },
});

describe('errors in Lava shape, never a crash', () => {
  it.each([
    ['malformed JSON', 'POST', 'customers', '{"name":', 400],
    ['a JSON array', 'POST', 'customers', '[1,2]', 400],
    ['a JSON string', 'POST', 'meters', '"x"', 400],
    ['wrong types', 'POST', 'customers', { name: 42 }, 400],
    ['bad email', 'POST', 'customers', { email: 'nope' }, 400],
    ['bad phone', 'POST', 'customers', { phone: '12345' }, 400],
    ['con_ reference id', 'POST', 'customers', { reference_id: 'con_x' }, 400],
    ['huge metadata', 'POST', 'customers', { metadata: { a: 'x'.repeat(17_000) } }, 400],
    [
      'meter without tiers',
      'POST',
      'meters',
      { name: 'm', rate_type: 'fixed', tier_type: 'tokens_1m', tiers: [] },
      400,
    ],
    [
      'tiers not starting at 0',
      'POST',
      'meters',
      { name: 'm', rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '5', rate: '1' }] },
      400,
    ],
    [
      'descending tiers',
      'POST',
      'meters',
      {
        name: 'm',
        rate_type: 'fixed',
        tier_type: 'requests',
        tiers: [
          { start: '0', rate: '1' },
          { start: '0', rate: '2' },
        ],
      },
      400,
    ],
    [
      'bad rate_type',
      'POST',
      'meters',
      { name: 'm', rate_type: 'free', tier_type: 'requests', tiers: [{ start: '0', rate: '1' }] },
      400,
    ],
    [
      'plan amount as words',
      'POST',
      'plans',
      { name: 'p', period_amount: 'ten', billing_interval: 'month' },
      400,
    ],
    [
      'plan over $10,000',
      'POST',
      'plans',
      { name: 'p', period_amount: '10000.01', billing_interval: 'month' },
      400,
    ],
    [
      'plan bad interval',
      'POST',
      'plans',
      { name: 'p', period_amount: '0', billing_interval: 'fortnight' },
      400,
    ],
    [
      'bad request metadata key',
      'POST',
      'requests',
      { request_id: 'r', customer_id: 'c', meter_slug: 'm', metadata: { 'bad-key': 'v' } },
      400,
    ],
    ['request without request_id', 'POST', 'requests', { customer_id: 'c', meter_slug: 'm' }, 400],
    [
      'negative tokens',
      'POST',
      'requests',
      { request_id: 'r', customer_id: 'c', meter_slug: 'm', input_tokens: -1 },
      400,
    ],
    ['webhook bad url', 'POST', 'webhooks', { name: 'w', url: 'ftp://x' }, 400],
    ['limit 0', 'GET', 'customers?limit=0', undefined, 400],
    ['limit 101', 'GET', 'plans?limit=101', undefined, 400],
    ['limit not a number', 'GET', 'meters?limit=ten', undefined, 400],
    ['unknown cursor', 'GET', 'customers?cursor=con_nope', undefined, 400],
    ['usage without start', 'GET', 'usage', undefined, 400],
    ['usage bad start', 'GET', 'usage?start=yesterday', undefined, 400],
    ['unknown customer', 'GET', 'customers/con_nope', undefined, 404],
    ['unknown customer subscription', 'GET', 'customers/con_nope/subscription', undefined, 404],
    ['unknown plan', 'GET', 'plans/sc_nope', undefined, 404],
    ['unknown meter', 'PATCH', 'meters/prd_nope', { name: 'x' }, 404],
    ['unknown request', 'GET', 'requests/req_nope', undefined, 404],
    ['unknown credit bundle', 'GET', 'credit_bundles/cb_nope', undefined, 404],
    ['unknown webhook', 'DELETE', 'webhooks/wh_nope', undefined, 404],
    ['unknown spend key', 'POST', 'spend_keys/spk_nope/rotate', undefined, 404],
    ['unknown subscription', 'DELETE', 'subscriptions/as_nope', undefined, 404],
    ['unknown endpoint', 'GET', 'nothing/here', undefined, 404],
    ['wrong method', 'PUT', 'customers', {}, 405],
    ['bad percent-encoding', 'GET', 'customers/%E0%A4%A', undefined, 400],
  ])('%s', async (_name, method, path, body, status) => {
    const res = await api(served.baseUrl, method, path, body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(errorShape(status));
    expect(res.headers.get('x-lava-request-id')).toMatch(/^req_/);
  });

  it.each([
    ['no Authorization', {}, 'auth_header_missing'],
    ['not Bearer', { authorization: `Basic ${EMULATOR_SECRET_KEY}` }, 'invalid_auth_header'],
    ['wrong key', { authorization: 'Bearer aks_test_wrong' }, 'invalid_api_key'],
    ['a spend key', { authorization: 'Bearer lava_sk_abc' }, 'invalid_api_key'],
  ])('401 with %s', async (_name, headers, code) => {
    const res = await api(served.baseUrl, 'GET', 'customers', undefined, headers);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { message: expect.any(String), code, status: 401 } });
  });

  it('public endpoints need no key', async () => {
    const models = await api(served.baseUrl, 'GET', 'models', undefined, {});
    expect(models.body).toMatchObject({
      object: 'list',
      data: expect.arrayContaining([
        { id: 'gpt-4o-mini', object: 'model', created: expect.any(Number), owned_by: 'openai' },
      ]),
    });
    const services = await api(served.baseUrl, 'GET', 'services?provider=anthropic', undefined, {});
    expect(services.body.data.every((s: { provider: string }) => s.provider === 'anthropic')).toBe(true);
    expect(services.body.providers).toEqual([expect.objectContaining({ id: 'anthropic', entry_count: 2 })]);
    expect(
      (await api(served.baseUrl, 'GET', 'services/providers?query=open', undefined, {})).body.data[0].id,
    ).toBe('openai');
    expect((await api(served.baseUrl, 'GET', 'services/providers', undefined, {})).body.data).toEqual([]);
    expect((await api(served.baseUrl, 'GET', 'services/providers/nope', undefined, {})).status).toBe(404);
  });
});

describe('limits and pagination', () => {
  it('caps active secret keys at 100 and revokes keys immediately', async () => {
    for (let i = 0; i < 99; i++)
      expect((await api(served.baseUrl, 'POST', 'secret_keys', { name: `k${i}` })).status).toBe(200);
    const over = await api(served.baseUrl, 'POST', 'secret_keys', { name: 'one too many' });
    expect(over.status).toBe(400);
    const page = await api(served.baseUrl, 'GET', 'secret_keys');
    expect(page.body.data).toHaveLength(10); // documented default
    expect(page.body.has_more).toBe(true);
    const created = (await api(served.baseUrl, 'GET', 'secret_keys?limit=1')).body.data[0];
    expect(created).toEqual({
      secret_key_id: expect.any(String),
      name: 'k98',
      secret_key_hint: expect.stringMatching(/^.{4}$/),
      created_at: expect.any(String),
    });
    const fresh = served.running.emulator.state.secretKeys.get(created.secret_key_id);
    expect((await api(served.baseUrl, 'DELETE', `secret_keys/${created.secret_key_id}`)).body).toEqual({
      id: created.secret_key_id,
      deleted: true,
    });
    const denied = await api(served.baseUrl, 'GET', 'wallet', undefined, {
      authorization: `Bearer ${fresh?.secret_key}`,
    });
    expect(denied.status).toBe(401);
  });

  it('walks a list page by page with next_cursor', async () => {
    for (let i = 0; i < 25; i++) await api(served.baseUrl, 'POST', 'customers', { reference_id: `p${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(served.baseUrl, 'GET', `customers?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((c: { reference_id: string }) => c.reference_id));
      cursor = res.body.next_cursor;
      expect(res.body.has_more).toBe(cursor !== null);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('p24');
  });

  it('replays a POST with the same Idempotency-Key', async () => {
    const headers = { authorization: `Bearer ${EMULATOR_SECRET_KEY}`, 'idempotency-key': 'k-1' };
    const a = await api(served.baseUrl, 'POST', 'customers', { name: 'Once' }, headers);
    const b = await api(served.baseUrl, 'POST', 'customers', { name: 'Once' }, headers);
    expect(b.body.customer_id).toBe(a.body.customer_id);
    expect(served.running.emulator.state.customers.size).toBe(1);
    expect((await api(served.baseUrl, 'POST', 'customers', { name: 'Other' }, headers)).status).toBe(400);
  });
});

describe('the other endpoints', () => {
  it('spend keys: create (201, key once), retrieve, update (PUT), rotate, revoke', async () => {
    const created = await api(served.baseUrl, 'POST', 'spend_keys', {
      name: 'agent',
      allowed_models: ['gpt-4o-mini'],
      spend_limit: { amount: '25', cycle: 'monthly' },
      rate_limit: { rpm: 60 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: expect.stringMatching(/^lava_sk_/),
      key_preview: expect.stringMatching(/^lava_sk_.{8}\*{4}$/),
      status: 'active',
      request_shape: 'openai',
      wallet_id: served.running.emulator.seed.walletId,
      spend_limit: { amount: '25.00', cycle: 'monthly' },
      rate_limit: { rpm: 60, burst: null },
      current_spend: '0.00',
      total_requests: 0,
    });
    const id = created.body.spend_key_id;
    expect((await api(served.baseUrl, 'GET', `spend_keys/${id}`)).body).not.toHaveProperty('key');
    expect((await api(served.baseUrl, 'PUT', `spend_keys/${id}`, { status: 'paused' })).body.status).toBe(
      'paused',
    );
    expect((await api(served.baseUrl, 'PATCH', `spend_keys/${id}`, {})).status).toBe(405);
    const models = await api(served.baseUrl, 'GET', 'models', undefined, {
      authorization: `Bearer ${created.body.key}`,
    });
    expect(models.body.data.map((m: { id: string }) => m.id)).toEqual(['gpt-4o-mini']);
    const rotated = await api(served.baseUrl, 'POST', `spend_keys/${id}/rotate`);
    expect(rotated.body.key).not.toBe(created.body.key);
    expect((await api(served.baseUrl, 'DELETE', `spend_keys/${id}`)).body).toEqual({ success: true });
    expect((await api(served.baseUrl, 'GET', 'spend_keys')).body.data).toEqual([]);
    expect((await api(served.baseUrl, 'POST', 'spend_keys', { name: 'x', allowed_models: [] })).status).toBe(
      400,
    );
  });

  it('wallet, funding and payment methods', async () => {
    expect((await api(served.baseUrl, 'GET', 'wallet')).body).toEqual({
      wallet_id: served.running.emulator.seed.walletId,
      balance: '100.00',
    });
    const methods = (await api(served.baseUrl, 'GET', 'payment_methods')).body.data;
    expect(methods[0]).toMatchObject({
      payment_method_id: expect.stringMatching(/^pm_/),
      last4: '4242',
      is_default: true,
      has_error: false,
    });
    const fund = await api(served.baseUrl, 'POST', 'wallet/fund', {
      payment_method_id: methods[0].payment_method_id,
      amount: '25.50',
    });
    expect(fund.body).toEqual({
      status: 'completed',
      payment_id: expect.stringMatching(/^pay_/),
      balance: '125.50',
    });
    const threeDs = await api(served.baseUrl, 'POST', 'wallet/fund', {
      payment_method_id: methods[1].payment_method_id,
      amount: '10',
    });
    expect(threeDs.body).toMatchObject({ status: 'requires_action', redirect_url: expect.any(String) });
    expect(
      (
        await api(served.baseUrl, 'POST', 'wallet/fund', {
          payment_method_id: methods[0].payment_method_id,
          amount: '9.99',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(served.baseUrl, 'POST', 'wallet/fund', {
          payment_method_id: methods[0].payment_method_id,
          amount: '10000.01',
        })
      ).status,
    ).toBe(400);
    expect(
      (await api(served.baseUrl, 'POST', 'wallet/fund', { payment_method_id: 'pm_nope', amount: '20' }))
        .status,
    ).toBe(404);
  });

  it('checkout sessions, completed by the test helper', async () => {
    const plan = (
      await api(served.baseUrl, 'POST', 'plans', {
        name: 'Pro',
        period_amount: '20',
        billing_interval: 'month',
        credit_bundles: [{ name: 'B', cost: '5', credit_amount: '5' }],
      })
    ).body;
    const session = await api(served.baseUrl, 'POST', 'checkout_sessions', {
      checkout_mode: 'subscription',
      origin_url: 'https://app.example.com',
      plan_id: plan.plan_id,
    });
    expect(session.body).toMatchObject({
      checkout_session_id: expect.stringMatching(/^cs_/),
      checkout_mode: 'subscription',
      plan_id: plan.plan_id,
    });
    expect(JSON.parse(Buffer.from(session.body.checkout_session_token, 'base64').toString())).toMatchObject({
      secret: expect.stringMatching(/^css_test_/),
    });
    expect(
      (
        await api(served.baseUrl, 'POST', 'checkout_sessions', {
          checkout_mode: 'subscription',
          origin_url: 'https://a.b',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(served.baseUrl, 'POST', 'checkout_sessions', {
          checkout_mode: 'credit_bundle',
          origin_url: 'https://a.b',
          credit_bundle_id: 'cb_x',
        })
      ).status,
    ).toBe(400);
    // A paid plan cannot be subscribed through the API…
    const customer = (await api(served.baseUrl, 'POST', 'customers', {})).body;
    expect(
      (
        await api(served.baseUrl, 'POST', 'subscriptions', {
          customer_id: customer.customer_id,
          plan_id: plan.plan_id,
        })
      ).body.error.code,
    ).toBe('paid_plan_requires_checkout');
    // …but completing a checkout does.
    const customerId = served.running.emulator.completeCheckout(session.body.checkout_session_id, {
      email: 'pro@example.com',
    });
    const sub = await api(served.baseUrl, 'GET', `customers/${customerId}/subscription`);
    expect(sub.body.subscription).toMatchObject({
      plan_id: plan.plan_id,
      credits: { total_remaining: '20.00' },
    });
    const bundle = plan.credit_bundles[0];
    const topUp = await api(served.baseUrl, 'POST', 'checkout_sessions', {
      checkout_mode: 'credit_bundle',
      origin_url: 'https://a.b',
      customer_id: customerId,
      credit_bundle_id: bundle.credit_bundle_id,
    });
    served.running.emulator.completeCheckout(topUp.body.checkout_session_id);
    const after = await api(served.baseUrl, 'GET', `customers/${customerId}/subscription`);
    expect(after.body.subscription.credits).toEqual({
      total_remaining: '25.00',
      cycle_remaining: '20.00',
      bundle_remaining: '5.00',
    });
  });

  it('credit bundles list by plan; plan updates reconcile bundles', async () => {
    const plan = (
      await api(served.baseUrl, 'POST', 'plans', {
        name: 'P',
        period_amount: '0',
        billing_interval: 'week',
        credit_bundles: [
          { name: 'A', cost: '5', credit_amount: '5' },
          { name: 'B', cost: '9', credit_amount: '10' },
        ],
      })
    ).body;
    const [a, b] = plan.credit_bundles;
    const updated = (
      await api(served.baseUrl, 'PATCH', `plans/${plan.plan_id}`, {
        credit_bundles: [
          { credit_bundle_id: a.credit_bundle_id, name: 'A2', cost: '6', credit_amount: '6' },
          { credit_bundle_id: b.credit_bundle_id, is_deleted: true },
          { name: 'C', cost: '1', credit_amount: '1' },
        ],
      })
    ).body;
    expect(updated.credit_bundles.map((x: { name: string }) => x.name)).toEqual(['A2', 'C']);
    const listed = (await api(served.baseUrl, 'GET', `credit_bundles?plan_id=${plan.plan_id}`)).body;
    expect(listed.data).toHaveLength(2);
    expect((await api(served.baseUrl, 'GET', `credit_bundles/${a.credit_bundle_id}`)).body).toMatchObject({
      plan_id: plan.plan_id,
      cost: '6.00',
      credit_amount: '6.00',
    });
    expect((await api(served.baseUrl, 'PATCH', `plans/${plan.plan_id}`, { period_amount: '5' })).status).toBe(
      400,
    );
    expect((await api(served.baseUrl, 'DELETE', `plans/${plan.plan_id}`)).body).toEqual({
      id: plan.plan_id,
      deleted: true,
    });
    expect((await api(served.baseUrl, 'GET', `credit_bundles/${a.credit_bundle_id}`)).status).toBe(404);
  });

  it('meters: immutable fields and unique slugs', async () => {
    const m = (
      await api(served.baseUrl, 'POST', 'meters', {
        name: 'Same',
        rate_type: 'fixed',
        tier_type: 'requests',
        tiers: [{ start: '0', rate: '0.01' }],
      })
    ).body;
    const n = (
      await api(served.baseUrl, 'POST', 'meters', {
        name: 'Same',
        rate_type: 'fixed',
        tier_type: 'requests',
        tiers: [{ start: '0', rate: '0.01' }],
      })
    ).body;
    expect([m.meter_slug, n.meter_slug]).toEqual(['same', 'same-2']);
    expect(
      (
        await api(served.baseUrl, 'POST', 'meters', {
          name: 'x',
          meter_slug: 'same',
          rate_type: 'fixed',
          tier_type: 'requests',
          tiers: [{ start: '0', rate: '1' }],
        })
      ).status,
    ).toBe(400);
    expect(
      (await api(served.baseUrl, 'PATCH', `meters/${m.meter_id}`, { rate_type: 'percentage' })).status,
    ).toBe(400);
  });
});
