// Runs examples/edge-function.ts's fetch handler against a recording Lava on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import handler, { type Env } from '../../../examples/edge-function';
import { subscriptionBase } from '../../../test/helpers/fixtures';
import { type Recorder, startRecorder } from './helpers/recorder';

const KEY = 'aks_test_EDGEkeyNOTreal0123456789abcdef';

let rec: Recorder;
let env: Env;

beforeAll(async () => {
  rec = await startRecorder();
  env = { LAVA_SECRET_KEY: KEY, LAVA_BASE_URL: rec.baseUrl, LAVA_METER_SLUG: 'chat' };
});
afterEach(() => {
  rec.override = undefined;
});
afterAll(() => rec.close());

const chat = (body: unknown, init: RequestInit = {}) =>
  new Request('https://edge.example/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

describe('examples/edge-function.ts', () => {
  it('looks the customer up, checks the credit, then calls the gateway billed to the customer', async () => {
    const { requests, value } = await rec.capture(() =>
      handler.fetch(chat({ customer_id: 'con_1', message: 'Hi' }), env),
    );
    const response = value as Response;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reply: 'Hello!', credits_before: '5.00' });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/customers/con_1',
      'GET /v1/customers/con_test_01EXAMPLE000/subscription',
      'POST /v1/forward',
    ]);
    const forward = requests[2]!;
    expect(forward.query).toEqual([['u', 'https://api.openai.com/v1/chat/completions']]);
    expect(forward.body).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(JSON.parse(forward.headers['x-lava-metadata']!)).toEqual({ feature: 'edge_chat' });
    const token = forward.headers.authorization!.replace(/^Bearer /, '');
    expect(JSON.parse(atob(token))).toEqual({ secret_key: KEY, customer_id: 'con_1', meter_slug: 'chat' });
  });

  it('maps each failure to an HTTP status', async () => {
    const status = async (request: Request, e: Env = env) => (await handler.fetch(request, e)).status;

    expect(await status(chat('not json'))).toBe(400);
    expect(await status(chat({ message: 'Hi' }))).toBe(400);
    expect(await status(new Request('https://edge.example/chat'))).toBe(405);
    expect(await status(new Request('https://edge.example/other'))).toBe(404);

    rec.override = (_method, path) =>
      path.startsWith('customers/') ? { status: 404, body: { error: 'Customer not found' } } : undefined;
    expect(await status(chat({ customer_id: 'con_nobody', message: 'Hi' }))).toBe(404);

    rec.override = (_method, path) =>
      path.endsWith('/subscription')
        ? {
            status: 200,
            body: {
              subscription: {
                ...subscriptionBase,
                credits: { ...subscriptionBase.credits, total_remaining: '0' },
              },
            },
          }
        : undefined;
    const before = rec.requests.length;
    expect(await status(chat({ customer_id: 'con_1', message: 'Hi' }))).toBe(402);
    expect(rec.requests.slice(before).some((r) => r.path === '/v1/forward')).toBe(false);

    rec.override = (_method, path) =>
      path === 'forward'
        ? { status: 429, body: { error: { message: 'slow down', code: 'rate_limited' } } }
        : undefined;
    expect(await status(chat({ customer_id: 'con_1', message: 'Hi' }))).toBe(429);

    rec.override = (_method, path) =>
      path.endsWith('/subscription') ? { status: 200, body: { subscription: 'not an object' } } : undefined;
    expect(await status(chat({ customer_id: 'con_1', message: 'Hi' }))).toBe(502);

    const saved = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      expect(
        await status(chat({ customer_id: 'con_1', message: 'Hi' }), { ...env, LAVA_SECRET_KEY: undefined }),
      ).toBe(500);
    } finally {
      if (saved !== undefined) process.env.LAVA_SECRET_KEY = saved;
    }
  });
});
