import { listPaymentMethods } from '@lava-sdk/payment-methods';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();

const card = {
  payment_method_id: 'pm_1',
  last4: '4242',
  expiry_month: '12',
  expiry_year: '2027',
  brand: 'visa',
  is_default: true,
  has_error: false,
  error_code: null,
  error_message: null,
  error_at: null,
};
const failing = {
  ...card,
  payment_method_id: 'pm_2',
  is_default: false,
  has_error: true,
  error_code: 'card_declined',
  error_message: 'Your card was declined',
  error_at: '2026-01-01T00:00:00.000Z',
};

describe('listPaymentMethods', () => {
  it('GETs /payment_methods with the secret key', async () => {
    const seen = mockApi(() => ({ data: [card, failing] }));
    expect((await listPaymentMethods(lava))._unsafeUnwrap()).toEqual({ data: [card, failing] });
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/payment_methods', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('accepts an empty list and fields the API adds', async () => {
    mockApi(() => ({ data: [{ ...card, funding: 'credit' }] }));
    expect((await listPaymentMethods(lava))._unsafeUnwrap().data[0]).toMatchObject({ funding: 'credit' });
    mockApi(() => ({ data: [] }));
    expect((await listPaymentMethods(lava))._unsafeUnwrap()).toEqual({ data: [] });
  });

  it('maps both error shapes', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const e1 = (await listPaymentMethods(lava))._unsafeUnwrapErr();
    expect(e1).toMatchObject({ kind: 'api', status: 401 });
    expect(e1.message).toContain('Authorization header missing');
    mockApi(() => lavaErrorResponse(403, 'Forbidden', 'forbidden'));
    expect((await listPaymentMethods(lava))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      code: 'forbidden',
    });
  });

  it('reports a malformed item as invalid_response', async () => {
    mockApi(() => ({ data: [{ ...card, is_default: 'yes' }] }));
    const error = (await listPaymentMethods(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.is_default']);
    mockApi(() => [card]);
    expect((await listPaymentMethods(lava))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});
