// Webhook delivery: signed POSTs to registered URLs, verified with @lava-sdk/webhooks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructWebhookEvent, verifyWebhookSignature } from '@lava-sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, signWebhookBody } from '../src/index';
import { api, billingFixture, useEmulator } from './helpers';

const served = useEmulator();
const received: { body: string; signature: string; contentType: string }[] = [];
let receiverUrl = '';
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({
      body: Buffer.concat(chunks).toString('utf8'),
      signature: String(req.headers['x-webhook-signature']),
      contentType: String(req.headers['content-type']),
    });
    res.writeHead(req.url === '/fail' ? 500 : 200).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => receiver.close());

describe('webhook delivery', () => {
  it('signs customer.created and balance updates; the SDK verifies them', async () => {
    received.length = 0;
    const hook = (await api(served.baseUrl, 'POST', 'webhooks', { name: 'r', url: `${receiverUrl}/hook` }))
      .body;
    const { customer } = await billingFixture(served.baseUrl);
    await served.running.emulator.settled();
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual([
      'customer.created',
      'customer.wallet.balance.updated',
    ]);
    for (const r of received) {
      expect(r.contentType).toBe('application/json');
      expect(r.signature).toMatch(/^[0-9a-f]{64}$/);
      expect((await verifyWebhookSignature(r.body, r.signature, hook.webhook_secret)).isOk()).toBe(true);
      const event = (await constructWebhookEvent(r.body, r.signature, hook.webhook_secret))._unsafeUnwrap();
      expect(event.data.customer_id).toBe(customer.customer_id);
    }
    expect(JSON.parse(received[1]?.body ?? '{}').data.subscription).toMatchObject({ status: 'active' });
    expect(
      (
        await verifyWebhookSignature(received[0]?.body ?? '', received[0]?.signature ?? '', 'whsec_wrong')
      ).isErr(),
    ).toBe(true);
    const deliveries = served.running.emulator.state.deliveries;
    expect(deliveries.every((d) => d.status === 'delivered' && d.response_status === 200)).toBe(true);
  });

  it('sends customer.deleted on delete', async () => {
    received.length = 0;
    await api(served.baseUrl, 'POST', 'webhooks', { name: 'r', url: `${receiverUrl}/hook` });
    const c = (await api(served.baseUrl, 'POST', 'customers', {})).body;
    await api(served.baseUrl, 'DELETE', `customers/${c.customer_id}`);
    await served.running.emulator.settled();
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual(['customer.created', 'customer.deleted']);
  });

  it('records failures (non-2xx, unreachable) instead of throwing', async () => {
    await api(served.baseUrl, 'POST', 'webhooks', { name: 'fails', url: `${receiverUrl}/fail` });
    await api(served.baseUrl, 'POST', 'webhooks', { name: 'down', url: 'http://127.0.0.1:9/unreachable' });
    const res = await api(served.baseUrl, 'POST', 'customers', { reference_id: 'x' });
    expect(res.status).toBe(200);
    await served.running.emulator.settled();
    const byUrl = Object.fromEntries(served.running.emulator.state.deliveries.map((d) => [d.url, d]));
    expect(byUrl[`${receiverUrl}/fail`]).toMatchObject({ status: 'failed', response_status: 500 });
    expect(byUrl['http://127.0.0.1:9/unreachable']).toMatchObject({
      status: 'failed',
      error: expect.any(String),
    });
  });

  it('uses the injected fetch, and signs HMAC-SHA256 hex of the raw body', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const emulator = createEmulator({
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init ?? {} });
        return new Response('ok');
      },
    });
    const auth = { authorization: `Bearer ${emulator.seed.secretKey}`, 'content-type': 'application/json' };
    const created = await emulator.handle(
      new Request('http://lava.test/v1/webhooks', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'a', url: 'https://hooks.example.com/x' }),
      }),
    );
    const { webhook_secret } = (await created.json()) as { webhook_secret: string };
    await emulator.handle(
      new Request('http://lava.test/v1/customers', { method: 'POST', headers: auth, body: '{}' }),
    );
    await emulator.settled();
    expect(calls).toHaveLength(1);
    const body = String(calls[0]?.init.body);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['x-webhook-signature']).toBe(await signWebhookBody(webhook_secret, body));
    const { createHmac } = await import('node:crypto');
    expect(headers['x-webhook-signature']).toBe(
      createHmac('sha256', webhook_secret).update(body).digest('hex'),
    );
  });

  it('delivers to one endpoint in the order the events happened, one at a time', async () => {
    const log: string[] = [];
    const emulator = createEmulator({
      fetch: async (_url, init) => {
        const { event } = JSON.parse(String(init?.body)) as { event: string };
        log.push(`start ${event}`);
        // The first answer is slow: the second event still waits for it.
        await new Promise((resolve) => setTimeout(resolve, log.length === 1 ? 30 : 0));
        log.push(`end ${event}`);
        return new Response('ok');
      },
    });
    const auth = { authorization: `Bearer ${emulator.seed.secretKey}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown) =>
      emulator.handle(
        new Request(`http://lava.test/v1/${path}`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(body),
        }),
      );
    await post('webhooks', { name: 'a', url: 'https://hooks.example.com/x' });
    const plan = await (
      await post('plans', { name: 'Pro', period_amount: '10', billing_interval: 'month' })
    ).json();
    const checkout = await (
      await post('checkout_sessions', {
        checkout_mode: 'subscription',
        origin_url: 'https://app.example.com',
        plan_id: plan.plan_id,
      })
    ).json();
    emulator.completeCheckout(checkout.checkout_session_id, { email: 'ada@example.com' });
    await emulator.settled();
    expect(log).toEqual([
      'start customer.created',
      'end customer.created',
      'start customer.wallet.balance.updated',
      'end customer.wallet.balance.updated',
    ]);
    expect(emulator.state.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });
});
