import { type CreateCheckoutSessionParams, createCheckoutSession } from '@lava-sdk/checkout-sessions';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { checkoutSession } from '../../../test/helpers/fixtures-billing';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const subscriptionParams = {
  checkout_mode: 'subscription',
  origin_url: 'https://app.example.com',
  plan_id: 'sc_1',
} as const;
const bundleParams = {
  checkout_mode: 'credit_bundle',
  origin_url: 'https://app.example.com',
  credit_bundle_id: 'cb_1',
  customer_id: 'con_1',
} as const;

describe('createCheckoutSession', () => {
  it('POSTs a subscription session as JSON and parses the session', async () => {
    const seen = mockApi(() => checkoutSession);
    const result = await createCheckoutSession(lava, subscriptionParams);
    expect(result._unsafeUnwrap()).toEqual(checkoutSession);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/checkout_sessions', query: {} });
    expect(seen[0]!.body).toEqual(subscriptionParams);
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('sends an optional customer_id in subscription mode', async () => {
    const seen = mockApi(() => ({ ...checkoutSession, customer_id: 'con_1' }));
    const params = { ...subscriptionParams, customer_id: 'con_1' };
    expect((await createCheckoutSession(lava, params))._unsafeUnwrap().customer_id).toBe('con_1');
    expect(seen[0]!.body).toEqual(params);
  });

  it('POSTs a credit bundle session with its bundle and customer', async () => {
    const answer = {
      ...checkoutSession,
      checkout_mode: 'credit_bundle',
      plan_id: undefined,
      customer_id: 'con_1',
    };
    const seen = mockApi(() => answer);
    const result = await createCheckoutSession(lava, bundleParams);
    expect(result._unsafeUnwrap()).toMatchObject({ checkout_mode: 'credit_bundle', customer_id: 'con_1' });
    expect(seen[0]!.body).toEqual(bundleParams);
  });

  it('passes fields the API adds later through to the body', async () => {
    const seen = mockApi(() => checkoutSession);
    // Not in the type (it names the documented fields only), but sent as given at run time.
    const withNewField = { ...subscriptionParams, success_url: 'https://app.example.com/ok' };
    await createCheckoutSession(lava, withNewField);
    expect(seen[0]!.body).toEqual({ ...subscriptionParams, success_url: 'https://app.example.com/ok' });
  });

  it.each<[string, unknown, string]>([
    [
      'subscription without plan_id',
      { checkout_mode: 'subscription', origin_url: 'https://a.example' },
      'plan_id',
    ],
    [
      'subscription with a credit_bundle_id',
      { ...subscriptionParams, credit_bundle_id: 'cb_1' },
      'credit_bundle_id',
    ],
    [
      'credit_bundle without credit_bundle_id',
      { checkout_mode: 'credit_bundle', origin_url: 'https://a.example', customer_id: 'con_1' },
      'credit_bundle_id',
    ],
    [
      'credit_bundle without customer_id',
      { checkout_mode: 'credit_bundle', origin_url: 'https://a.example', credit_bundle_id: 'cb_1' },
      'customer_id',
    ],
    ['credit_bundle with a plan_id', { ...bundleParams, plan_id: 'sc_1' }, 'plan_id'],
    ['an unknown mode', { ...subscriptionParams, checkout_mode: 'topup' }, 'checkout_mode'],
    ['no mode', { origin_url: 'https://a.example', plan_id: 'sc_1' }, 'checkout_mode'],
    ['a relative origin_url', { ...subscriptionParams, origin_url: '/checkout' }, 'origin_url'],
    ['a javascript: origin_url', { ...subscriptionParams, origin_url: 'javascript:alert(1)' }, 'origin_url'],
    ['no origin_url', { checkout_mode: 'subscription', plan_id: 'sc_1' }, 'origin_url'],
    ['an empty plan_id', { ...subscriptionParams, plan_id: '' }, 'plan_id'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => checkoutSession);
    const error = (
      await createCheckoutSession(lava, params as CreateCheckoutSessionParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('maps the object error shape to an api error', async () => {
    mockApi(() => lavaErrorResponse(400, 'Plan not found', 'invalid_request'));
    const error = (await createCheckoutSession(lava, subscriptionParams))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 400, code: 'invalid_request' });
    expect(error.message).toContain('Plan not found');
  });

  it('maps the string error shape to an api error', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const error = (await createCheckoutSession(lava, subscriptionParams))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      body: { error: 'Authorization header missing' },
    });
    expect(error.message).toContain('Authorization header missing');
  });

  it('reports a response without its token as invalid_response', async () => {
    const { checkout_session_token: _, ...partial } = checkoutSession;
    mockApi(() => partial);
    const error = (await createCheckoutSession(lava, subscriptionParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['checkout_session_token']);
  });

  it('accepts a checkout_mode Lava adds later and passes it through (response enums are open)', async () => {
    mockApi(() => ({ ...checkoutSession, checkout_mode: 'topup' }));
    const session = (await createCheckoutSession(lava, subscriptionParams))._unsafeUnwrap();
    expect(session.checkout_mode).toBe('topup');
  });

  it('reports a mistyped checkout_mode in the response as invalid_response', async () => {
    mockApi(() => ({ ...checkoutSession, checkout_mode: 7 }));
    const error = (await createCheckoutSession(lava, subscriptionParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['checkout_mode']);
  });
});
