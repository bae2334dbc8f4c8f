// The browser pages over HTTP, without a browser: the hosted checkout and its "Pay" endpoint, the inspector,
// its state and event stream, escaping, and the CLI's inspector URL. The real-browser tests are in browser/.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHECKOUT_SESSION_TTL_MS, EMULATOR_SECRET_KEY } from '../src/index';
import { CHECKOUT_JS } from '../src/pages/checkoutScript';
import { html, jsonForScript } from '../src/pages/html';
import { INSPECTOR_JS } from '../src/pages/inspectorScript';
import { type RunningEmulator, startEmulator } from '../src/server';
import { api, billingFixture, forwardToken } from './helpers';

let offset = 0;
let running: RunningEmulator;
let baseUrl = '';
beforeAll(async () => {
  running = await startEmulator({ now: () => new Date(Date.now() + offset) });
  baseUrl = running.baseUrl;
});
afterAll(() => running.stop());
beforeEach(() => {
  offset = 0;
  running.emulator.reset();
});

const XSS = '<img src=x onerror=alert(1)>';
const CARD = { card_number: '4242 4242 4242 4242', card_expiry: '12 / 34', card_cvc: '123' };

const secretOf = (token: string): string => JSON.parse(atob(token)).secret;

async function page(path: string, init?: RequestInit) {
  const response = await fetch(new URL(path, running.url), init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const pay = (secret: string, body: unknown) =>
  api(running.url, 'POST', `/embed/checkout/${secret}/complete`, body, {});

/** A paid plan and an open subscription checkout for it. */
async function subscriptionCheckout(origin_url = 'https://app.example.com/pricing?x=1') {
  const plan = (
    await api(baseUrl, 'POST', 'plans', {
      name: 'Pro',
      period_amount: '25.00',
      billing_interval: 'month',
      included_credit: '10.00',
      credit_bundles: [{ name: 'Boost', cost: '5.00', credit_amount: '20.00' }],
    })
  ).body;
  const session = (
    await api(baseUrl, 'POST', 'checkout_sessions', {
      checkout_mode: 'subscription',
      plan_id: plan.plan_id,
      origin_url,
    })
  ).body;
  return { plan, session, secret: secretOf(session.checkout_session_token) };
}

describe('html escaping', () => {
  it('escapes every interpolated value; nested html and arrays are kept; null renders nothing', () => {
    expect(html`<p title="${'"x" & \'y\''}">${XSS}</p>`.value).toBe(
      '<p title="&quot;x&quot; &amp; &#39;y&#39;">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(
      html`<ul>${['<a>', 'b'].map((x) => html`<li>${x}</li>`)}</ul>${null}${undefined}${false}`.value,
    ).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('JSON for a script block cannot close the script or start a comment', () => {
    const out = jsonForScript({ a: '</script><script>alert(1)</script>', b: '<!--', c: '\u2028&' }).value;
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual({ a: '</script><script>alert(1)</script>', b: '<!--', c: '\u2028&' });
  });

  it('the page scripts are valid JavaScript', () => {
    expect(() => new Function(CHECKOUT_JS)).not.toThrow();
    expect(() => new Function(INSPECTOR_JS)).not.toThrow();
  });
});

describe('GET /embed/checkout/{secret}', () => {
  it('serves the checkout with a strict CSP, framed only by the origin of origin_url', async () => {
    const { secret, session } = await subscriptionCheckout();
    // The token's base is the emulator's origin, where the page lives.
    expect(JSON.parse(atob(session.checkout_session_token)).base).toBe(`${running.url}/`);
    const res = await page(`/embed/checkout/${secret}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors https://app.example.com');
    expect(res.text).toContain('Subscribe to Pro');
    expect(res.text).toContain('$25.00 / month');
    expect(res.text).toContain('>Pay</button>');
    expect(res.text).toContain(`"checkoutSessionId":"${session.checkout_session_id}"`);
    expect(res.text).toContain('"targetOrigin":"https://app.example.com"');
    // Every asset it uses is served by the emulator.
    for (const asset of ['/_emulator/pages.css', '/_emulator/checkout.js']) {
      expect(res.text).toContain(asset);
      expect((await page(asset)).status).toBe(200);
    }
    expect(res.text).not.toMatch(/https?:\/\/(?!app\.example\.com)/);
  });

  it('escapes the customer of a credit-bundle checkout', async () => {
    const { customer, plan } = await billingFixture(baseUrl);
    await api(baseUrl, 'PATCH', `customers/${customer.customer_id}`, { name: XSS });
    const session = (
      await api(baseUrl, 'POST', 'checkout_sessions', {
        checkout_mode: 'credit_bundle',
        customer_id: customer.customer_id,
        credit_bundle_id: plan.credit_bundles[0].credit_bundle_id,
        origin_url: 'http://localhost:3000',
      })
    ).body;
    const res = await page(`/embed/checkout/${secretOf(session.checkout_session_token)}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.text).not.toContain(XSS);
    expect(res.text).toContain('Buy Top-up');
  });

  it('unknown, completed and expired secrets get an error page with no script', async () => {
    const completed = await subscriptionCheckout();
    running.emulator.completeCheckout(completed.session.checkout_session_id);
    const expired = await subscriptionCheckout();
    const cases: [string, number, string][] = [
      ['/embed/checkout/css_test_unknown', 404, 'Checkout not found'],
      ['/embed/checkout/%E0%A4%A', 404, 'Checkout not found'],
      ['/embed/checkout/a/b', 404, 'Checkout not found'],
      [`/embed/checkout/${completed.secret}`, 410, 'Checkout already completed'],
    ];
    for (const [path, status, title] of cases) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.text).toContain(title);
      expect(res.text).not.toContain('<script');
    }
    offset = CHECKOUT_SESSION_TTL_MS;
    const res = await page(`/embed/checkout/${expired.secret}`);
    expect(res.status).toBe(410);
    expect(res.text).toContain('Checkout expired');
  });
});

describe('POST /embed/checkout/{secret}/complete ("Pay")', () => {
  it('refuses bad card and contact details, changing nothing', async () => {
    const { secret } = await subscriptionCheckout();
    const contact = { name: 'Ada', email: 'ada@example.com', phone: '+14155550123' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...contact, ...CARD, card_number: '4242 4242 4242 4241' }, 400, 'invalid_card_number'],
      [{ ...contact, ...CARD, card_number: 'abc' }, 400, 'invalid_card_number'],
      [{ ...contact, ...CARD, card_expiry: '13 / 30' }, 400, 'invalid_expiry'],
      [{ ...contact, ...CARD, card_expiry: '01 / 20' }, 400, 'expired_card'],
      [{ ...contact, ...CARD, card_cvc: '12' }, 400, 'invalid_cvc'],
      [{ ...contact, ...CARD, card_number: '4000 0000 0000 0002' }, 402, 'card_declined'],
      [{ ...contact, ...CARD, phone: '' }, 400, 'invalid_params'],
      [{ ...contact, ...CARD, phone: '555-1234' }, 400, 'invalid_params'],
      [{ ...contact, ...CARD, email: 'not an email' }, 400, 'invalid_params'],
      [{ ...contact, ...CARD, name: 'x'.repeat(256) }, 400, 'invalid_params'],
      [{ ...contact, ...CARD, name: 42 }, 400, 'invalid_params'],
    ];
    for (const [body, status, code] of cases) {
      const res = await pay(secret, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect((await pay(secret, '{not json')).status).toBe(400);
    expect((await page(`/embed/checkout/${secret}/complete`)).status).toBe(405);
    expect(running.emulator.state.customers.size).toBe(0);
    expect([...running.emulator.state.checkoutSessions.values()][0]?.completed_at).toBeUndefined();
  });

  it('completes exactly as completeCheckout() does: same customer, subscription and webhooks', async () => {
    const deliveredEvents = () => running.emulator.state.deliveries.map((d) => d.event);
    await api(baseUrl, 'POST', 'webhooks', { name: 'w', url: 'http://127.0.0.1:9/unreachable' });
    const viaPage = await subscriptionCheckout();
    const res = await pay(viaPage.secret, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+14155550123',
      ...CARD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      checkout_session_id: viaPage.session.checkout_session_id,
      customer_id: expect.stringMatching(/^con_/),
    });
    const pageEvents = deliveredEvents();
    const viaCode = await subscriptionCheckout();
    running.emulator.completeCheckout(viaCode.session.checkout_session_id, {
      name: 'Bob',
      email: 'bob@example.com',
    });
    expect(deliveredEvents().slice(pageEvents.length)).toEqual(pageEvents);
    expect(pageEvents).toEqual(['customer.created', 'customer.wallet.balance.updated']);
    const customer = (await api(baseUrl, 'GET', `customers/${res.body.customer_id}`)).body;
    expect(customer.contact).toEqual({
      phone: '+14155550123',
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    const sub = (await api(baseUrl, 'GET', `customers/${res.body.customer_id}/subscription`)).body
      .subscription;
    expect(sub).toMatchObject({ plan_id: viaPage.plan.plan_id, credits: { total_remaining: '10.00' } });
    // Spent: both paths refuse it now, and so does the page.
    expect((await pay(viaPage.secret, { ...CARD, phone: '+14155550123' })).body.error.code).toBe(
      'checkout_completed',
    );
    expect(() => running.emulator.completeCheckout(viaPage.session.checkout_session_id)).toThrow(
      /already completed/,
    );
    await running.emulator.settled();
  });

  it('refuses unknown and expired sessions on both paths', async () => {
    expect((await pay('css_test_unknown', CARD)).status).toBe(404);
    expect(() => running.emulator.completeCheckout('cs_unknown')).toThrow(/not found/);
    const { secret, session } = await subscriptionCheckout();
    offset = CHECKOUT_SESSION_TTL_MS + 1;
    const res = await pay(secret, { ...CARD, phone: '+14155550123' });
    expect([res.status, res.body.error.code]).toEqual([410, 'checkout_expired']);
    expect(() => running.emulator.completeCheckout(session.checkout_session_id)).toThrow(
      expect.objectContaining({ status: 410, code: 'checkout_expired' }),
    );
    expect(running.emulator.state.customers.size).toBe(0);
  });
});

describe('the inspector', () => {
  it('GET / is the page; the API stays under /v1/; other methods and unknown assets are refused', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.text).toContain('<script src="/_emulator/inspector.js"></script>');
    expect(res.text).not.toMatch(/<script>/);
    expect((await api(baseUrl, 'GET', 'wallet')).status).toBe(200);
    expect((await api(running.url, 'GET', '/v1/nope')).status).toBe(404);
    expect((await page('/', { method: 'POST' })).status).toBe(405);
    expect((await page('/_emulator/nope.js')).status).toBe(404);
    expect((await page('/_emulator/inspector.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it('/_emulator/state shows customers, credit, requests with their raw URL, deliveries; no secret', async () => {
    const hook = (await api(baseUrl, 'POST', 'webhooks', { name: 'w', url: 'http://127.0.0.1:9/down' })).body;
    const { meter, customer } = await billingFixture(baseUrl);
    await api(baseUrl, 'PATCH', `customers/${customer.customer_id}`, {
      name: XSS,
      metadata: { note: '<b>' },
    });
    const spendKey = (await api(baseUrl, 'POST', 'spend_keys', { name: 'k' })).body;
    const url = `forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`;
    const chat = await api(
      baseUrl,
      'POST',
      url,
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
      {
        authorization: `Bearer ${forwardToken({ customer_id: customer.customer_id, meter_slug: meter.meter_slug })}`,
      },
    );
    expect(chat.status).toBe(200);
    const record = [...running.emulator.state.requests.values()][0];
    expect(record?.raw_url).toBe(`${baseUrl}${url}`);
    await running.emulator.settled();
    const res = await api(running.url, 'GET', '/_emulator/state', undefined, {});
    expect(res.status).toBe(200);
    const state = res.body;
    expect(state.customers).toEqual([
      expect.objectContaining({
        customer_id: customer.customer_id,
        name: XSS,
        plan: expect.objectContaining({ name: 'Free' }),
        credit: { total: expect.any(String), cycle: expect.any(String), bundle: '0.00' },
      }),
    ]);
    expect(Number(state.customers[0].credit.total)).toBeLessThan(5);
    expect(state.requests).toEqual([
      expect.objectContaining({
        endpoint: 'POST https://api.openai.com/v1/chat/completions',
        model: 'gpt-4o-mini',
        meter_slug: meter.meter_slug,
        raw_url: record?.raw_url,
      }),
    ]);
    expect(state.deliveries.length).toBeGreaterThan(0);
    expect(state.deliveries.every((d: { signature_status: string }) => d.signature_status === 'valid')).toBe(
      true,
    );
    expect(state.usage.at(-1)).toMatchObject({ requests: 1, date: new Date().toISOString().slice(0, 10) });
    for (const secret of [EMULATOR_SECRET_KEY, hook.webhook_secret, spendKey.key]) {
      expect(secret).toBeTruthy();
      expect(res.text).not.toContain(secret);
    }
  });

  it('/_emulator/events sends the state at once and again when it changes', async () => {
    const response = await fetch(`${running.url}/_emulator/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextState = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: state\ndata: (.*)$/m.exec(event);
          if (data) return JSON.parse(data[1] as string);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    expect((await nextState()).customers).toEqual([]);
    await api(baseUrl, 'POST', 'customers', { reference_id: 'live_1' });
    expect((await nextState()).customers).toEqual([expect.objectContaining({ reference_id: 'live_1' })]);
    await reader.cancel();
  });
});

describe('lava-emulator CLI', () => {
  it('prints the inspector URL, which serves the page', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /Inspector: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (found) resolve(found[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`lava-emulator exited (${code}): ${out}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Lava emulator</title>');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
