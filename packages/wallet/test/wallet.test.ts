import { fundWallet, retrieveWallet } from '@lava-sdk/wallet';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

describe('retrieveWallet', () => {
  it('GETs /wallet with the secret key', async () => {
    const seen = mockApi(() => ({ wallet_id: 'wal_1', balance: '50.00' }));
    expect((await retrieveWallet(lava))._unsafeUnwrap()).toEqual({ wallet_id: 'wal_1', balance: '50.00' });
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/wallet', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('maps both error shapes', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const e1 = (await retrieveWallet(lava))._unsafeUnwrapErr();
    expect(e1).toMatchObject({ kind: 'api', status: 401 });
    expect(e1.message).toContain('Authorization header missing');
    mockApi(() => lavaErrorResponse(404, 'Wallet not found', 'not_found'));
    expect((await retrieveWallet(lava))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'not_found',
    });
  });

  it('reports a numeric balance as invalid_response', async () => {
    mockApi(() => ({ wallet_id: 'wal_1', balance: 50 }));
    const error = (await retrieveWallet(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['balance']);
  });

  it('needs a secret key', async () => {
    const previous = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      const seen = mockApi(() => ({}));
      expect((await retrieveWallet(testLava({ secretKey: '' })))._unsafeUnwrapErr().kind).toBe('config');
      expect(seen).toHaveLength(0);
    } finally {
      if (previous !== undefined) process.env.LAVA_SECRET_KEY = previous;
    }
  });
});

describe('fundWallet', () => {
  const completed = { status: 'completed', payment_id: 'pay_1', balance: '60.00' };

  it('POSTs the amount and payment method with an idempotency key', async () => {
    const seen = mockApi(() => completed);
    const params = { payment_method_id: 'pm_1', amount: '10.00' };
    expect((await fundWallet(lava, params))._unsafeUnwrap()).toEqual(completed);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/wallet/fund', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the caller’s idempotency key', async () => {
    const seen = mockApi(() => completed);
    await fundWallet(lava, { payment_method_id: 'pm_1', amount: '10000' }, { idempotencyKey: 'topup-1' });
    expect(seen[0]!.headers['idempotency-key']).toBe('topup-1');
  });

  it('parses a 3-D Secure answer', async () => {
    const pending = {
      status: 'requires_action',
      payment_id: 'pay_2',
      redirect_url: 'https://bank.example/3ds',
    };
    mockApi(() => pending);
    expect((await fundWallet(lava, { payment_method_id: 'pm_1', amount: '25' }))._unsafeUnwrap()).toEqual(
      pending,
    );
  });

  it.each([
    ['10', true],
    ['10.00', true],
    ['9999.99', true],
    ['10000', true],
    ['10000.000', true],
    ['9.99', false],
    ['9.9999999999999999999', false],
    ['10000.01', false],
    ['10000.0000000000000001', false],
    ['0', false],
    ['100000', false],
  ])('checks the range exactly: %s → %s', async (amount, accepted) => {
    const seen = mockApi(() => completed);
    const result = await fundWallet(lava, { payment_method_id: 'pm_1', amount });
    expect(result.isOk()).toBe(accepted);
    expect(seen).toHaveLength(accepted ? 1 : 0);
    if (!accepted) expect(result._unsafeUnwrapErr().message).toContain('between "10" and "10000"');
  });

  it.each([
    [{ payment_method_id: 'pm_1', amount: 50 }, 'amount'],
    [{ payment_method_id: 'pm_1', amount: '50 USD' }, 'amount'],
    [{ payment_method_id: 'pm_1', amount: '-50' }, 'amount'],
    [{ payment_method_id: 'pm_1', amount: '1e3' }, 'amount'],
    [{ amount: '50' }, 'payment_method_id'],
    [{ payment_method_id: '', amount: '50' }, 'payment_method_id'],
  ])('rejects %j with no request sent', async (params, field) => {
    const seen = mockApi(() => completed);
    const error = (await fundWallet(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('maps a declined card; passes a status Lava adds later through', async () => {
    mockApi(() => lavaErrorResponse(402, 'Your card was declined', 'card_declined'));
    const error = (await fundWallet(lava, { payment_method_id: 'pm_1', amount: '50' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 402, code: 'card_declined' });
    mockApi(() => ({ status: 'processing', payment_id: 'pay_3' }));
    const odd = (await fundWallet(lava, { payment_method_id: 'pm_1', amount: '50' }))._unsafeUnwrap();
    expect(odd).toEqual({ status: 'processing', payment_id: 'pay_3' });
    mockApi(() => ({ payment_id: 'pay_4' }));
    const missing = (await fundWallet(lava, { payment_method_id: 'pm_1', amount: '50' }))._unsafeUnwrapErr();
    expect(missing.kind).toBe('invalid_response');
  });

  it('accepts requires_action with only a redirect_url, no payment_id (3-D Secure)', async () => {
    mockApi(() => ({ status: 'requires_action', redirect_url: 'https://hooks.stripe.com/3ds/x' }));
    const pending = (await fundWallet(lava, { payment_method_id: 'pm_1', amount: '50' }))._unsafeUnwrap();
    expect(pending).toEqual({ status: 'requires_action', redirect_url: 'https://hooks.stripe.com/3ds/x' });
  });
});
