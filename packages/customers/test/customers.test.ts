import { paginate, requestIdOf } from '@lava-sdk/core';
import {
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} from '@lava-sdk/customers';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { customer, page, subscriptionBase } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

describe('createCustomer', () => {
  it('POSTs the params as JSON and parses the customer', async () => {
    const seen = mockApi(() => customer);
    const params = {
      reference_id: 'user_42',
      email: 'ada@example.com',
      phone: '+14155550100',
      metadata: { a: 1 },
    };
    const result = await createCustomer(lava, params);
    expect(result._unsafeUnwrap()).toEqual(customer);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/customers', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: '0044 1234' }, 'phone'],
    [{ reference_id: 'con_123' }, 'reference_id'],
    [{ name: 'x'.repeat(256) }, 'name'],
    [{ metadata: { big: 'x'.repeat(17_000) } }, 'metadata'],
  ])('rejects %j before sending anything', async (params, field) => {
    const seen = mockApi(() => customer);
    const error = (await createCustomer(lava, params))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });
});

describe('listCustomers', () => {
  it('sends cursor and limit as the query', async () => {
    const seen = mockApi(() => page([customer], 'con_next'));
    const result = await listCustomers(lava, { limit: 2, cursor: 'con_prev' });
    expect(result._unsafeUnwrap()).toEqual(page([customer], 'con_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/customers',
      query: { limit: '2', cursor: 'con_prev' },
    });
    expect(seen[0]!.body).toBeUndefined();
  });

  it('sends no query without params', async () => {
    const seen = mockApi(() => page([]));
    expect((await listCustomers(lava)).isOk()).toBe(true);
    expect(seen[0]!.query).toEqual({});
  });

  it('rejects a limit above 100', async () => {
    const seen = mockApi(() => page([]));
    expect((await listCustomers(lava, { limit: 101 }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...customer, customer_id: 'con_1' }], 'c2'),
      c2: page([{ ...customer, customer_id: 'con_2' }], 'c3'),
      c3: page([{ ...customer, customer_id: 'con_3' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const c of paginate(listCustomers, lava, { limit: 1 }))
      ids.push(c._unsafeUnwrap().customer_id);
    expect(ids).toEqual(['con_1', 'con_2', 'con_3']);
    expect(seen.map((s) => s.query)).toEqual([
      { limit: '1' },
      { limit: '1', cursor: 'c2' },
      { limit: '1', cursor: 'c3' },
    ]);
  });
});

describe('retrieveCustomer', () => {
  it('GETs the customer and keeps the request id', async () => {
    const seen = mockApi(() => customer);
    const result = await retrieveCustomer(lava, 'con_test_01EXAMPLE000');
    expect(result._unsafeUnwrap()).toEqual(customer);
    expect(requestIdOf(result._unsafeUnwrap())).toBe('req_test_1');
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/customers/con_test_01EXAMPLE000',
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('keeps fields the API adds', async () => {
    mockApi(() => ({ ...customer, loyalty: 3 }));
    expect((await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap()).toMatchObject({ loyalty: 3 });
  });

  it('maps a 404 in the object error shape to an api error', async () => {
    mockApi(() =>
      HttpResponse.json(
        { error: { message: 'Customer not found', code: 'not_found', status: 404 } },
        { status: 404, headers: { 'x-lava-request-id': 'req_404' } },
      ),
    );
    const error = (await retrieveCustomer(lava, 'con_missing'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'not_found',
      requestId: 'req_404',
      attempts: 1,
    });
    expect(error.message).toContain('Customer not found');
  });

  it('maps a 401 in the string error shape to an api error', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      body: { error: 'Authorization header missing' },
    });
    expect(error.message).toContain('Authorization header missing');
  });

  it('reports a response missing a required field as invalid_response', async () => {
    const { customer_id: _, ...partial } = customer;
    mockApi(() => partial);
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') {
      expect(error.issues.map((i) => i.path)).toEqual(['customer_id']);
      expect(error.status).toBe(200);
      expect(error.requestId).toBe('req_test_1');
    }
  });

  it('reports a mistyped field as invalid_response', async () => {
    mockApi(() => ({ ...customer, subscription: { ...customer.subscription, status: 1 } }));
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });

  it('passes a subscription status Lava adds later through, and unknown fields too', async () => {
    mockApi(() => ({
      ...customer,
      subscription: { ...customer.subscription, status: 'frozen' },
      tier: 'gold',
    }));
    const found = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap();
    expect(found.subscription?.status).toBe('frozen');
    expect((found as unknown as { tier: string }).tier).toBe('gold');
  });

  it('reads a customer without reference_id and metadata (an older reference page) as null', async () => {
    const { reference_id: _r, metadata: _m, ...older } = customer;
    mockApi(() => older);
    const found = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap();
    expect(found).toMatchObject({ reference_id: null, metadata: null });
  });

  it('returns a config error without a secret key and sends nothing', async () => {
    const seen = mockApi(() => customer);
    const keyless = testLava({ secretKey: '' });
    const previous = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      expect((await retrieveCustomer(keyless, 'con_1'))._unsafeUnwrapErr().kind).toBe('config');
    } finally {
      if (previous !== undefined) process.env.LAVA_SECRET_KEY = previous;
    }
    expect(seen).toHaveLength(0);
  });
});

describe('updateCustomer', () => {
  it('PATCHes the fields, nulls included', async () => {
    const seen = mockApi(() => customer);
    const params = { name: 'Ada', metadata: null, email: null };
    expect((await updateCustomer(lava, 'user_42', params)).isOk()).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/v1/customers/user_42', body: params });
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('rejects a bad phone number', async () => {
    const seen = mockApi(() => customer);
    expect((await updateCustomer(lava, 'con_1', { phone: '12' }))._unsafeUnwrapErr().kind).toBe(
      'invalid_params',
    );
    expect(seen).toHaveLength(0);
  });
});

describe('deleteCustomer', () => {
  it('DELETEs and parses { success }', async () => {
    const seen = mockApi(() => ({ success: true }));
    expect((await deleteCustomer(lava, 'con_1'))._unsafeUnwrap()).toEqual({ success: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/customers/con_1', body: undefined });
  });

  it('maps 404', async () => {
    mockApi(() => lavaErrorResponse(404, 'Customer not found'));
    expect((await deleteCustomer(lava, 'con_x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
    });
  });
});

describe('getCustomerSubscription', () => {
  it('GETs the subscription with credits', async () => {
    const seen = mockApi(() => ({ subscription: subscriptionBase }));
    const result = await getCustomerSubscription(lava, 'con_1');
    expect(result._unsafeUnwrap().subscription?.credits.total_remaining).toBe('5.00');
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/customers/con_1/subscription' });
  });

  it('accepts a null subscription', async () => {
    mockApi(() => ({ subscription: null }));
    expect((await getCustomerSubscription(lava, 'con_1'))._unsafeUnwrap()).toEqual({ subscription: null });
  });

  it('rejects a subscription missing its credits', async () => {
    const { credits: _, ...broken } = subscriptionBase;
    mockApi(() => ({ subscription: broken }));
    const error = (await getCustomerSubscription(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });
});

describe('params types', () => {
  it('accept values typed with an interface (no index signature needed)', async () => {
    interface SignUp {
      reference_id?: string;
      email?: string;
      metadata?: Record<string, unknown>;
    }
    const seen = mockApi(() => customer);
    const params: SignUp = { reference_id: 'user_7', email: 'ada@example.com', metadata: { plan: 'pro' } };
    expect((await createCustomer(lava, params)).isOk()).toBe(true);
    expect(seen[0]!.body).toEqual(params);
  });
});
