// Migration proof: every call is made through `@lavapayments/nodejs` 11.2.0 and through our `Lava`, both
// pointed at one recording HTTP server on 127.0.0.1; the wire requests must match. The deliberate
// differences (MIGRATION.md) are asserted too, so an undocumented one fails here.
import { inspect } from 'node:util';
import { OPERATIONS } from '@lava-sdk/core/internal';
import { Lava as OfficialLava } from '@lavapayments/nodejs';
import { isLavaError, Lava, type LavaError, requestIdOf, retrieveCustomer } from 'lava-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Recorded, type Recorder, startRecorder } from './helpers/recorder';

const KEY = 'aks_test_MIGRATIONkeyNOTreal0123456789abcdef';

let rec: Recorder;
let official: OfficialLava;
let ours: Lava;

beforeAll(async () => {
  rec = await startRecorder();
  official = new OfficialLava(KEY, { baseUrl: rec.baseUrl });
  ours = new Lava(KEY, { baseUrl: rec.baseUrl, maxRetries: 0 });
});
afterAll(() => rec.close());

type Client = OfficialLava | Lava;
type Call = (lava: Client) => Promise<unknown>;

const sortedQuery = (r: Recorded) => [...r.query].sort(([a], [b]) => a.localeCompare(b));

// Headers that are transport details, not part of the comparison: framing, and the defaults undici's
// fetch adds on its own (ours goes through node:http in Node, which adds none of them).
const IGNORED = new Set([
  'host',
  'connection',
  'content-length',
  'accept-language',
  'sec-fetch-mode',
  'user-agent',
]);

/** The headers that differ: set only by ours (or to another value), and set only by the official SDK. */
function headerDiff(o: Recorded, u: Recorded) {
  const added = Object.keys(u.headers)
    .filter((h) => !IGNORED.has(h) && u.headers[h] !== o.headers[h])
    .sort();
  const removed = Object.keys(o.headers)
    .filter((h) => !IGNORED.has(h) && !(h in u.headers))
    .sort();
  return { added, removed };
}

/**
 * The documented header differences (MIGRATION.md): `Idempotency-Key` on every POST; `Accept:
 * application/json` (instead of fetch's `*\/*`); `Content-Type` only with a body.
 */
function expectedHeaderDiff(o: Recorded, u: Recorded, pipeline: Pipeline) {
  const removed = o.rawBody === '' && o.headers['content-type'] ? ['content-type'] : [];
  // A gateway call adds no header the caller did not ask for.
  if (pipeline === 'raw') return { added: [], removed };
  expect(u.headers.accept).toBe('application/json');
  // The escape hatch asks for JSON, as the resource methods do, but generates no Idempotency-Key.
  if (pipeline === 'request') return { added: ['accept'], removed };
  if (o.method === 'POST') expect(u.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  return {
    added: ['accept', ...(o.method === 'POST' ? ['idempotency-key'] : [])],
    removed,
  };
}

/** `rest`: a REST operation (core's request pipeline); `request`: `request()`; `raw`: a gateway call. */
type Pipeline = 'rest' | 'request' | 'raw';

/** Makes the call through both SDKs and asserts the same wire request and the same resolved value. */
async function expectSameRequest(
  call: Call,
  pipeline: Pipeline = 'rest',
): Promise<{ official: Recorded; ours: Recorded }> {
  const a = await rec.capture(() => call(official));
  const b = await rec.capture(() => call(ours));
  expect(a.error, 'official SDK failed').toBeUndefined();
  expect(b.error, 'lava-sdk failed').toBeUndefined();
  expect(a.requests).toHaveLength(1);
  expect(b.requests).toHaveLength(1);
  const o = a.requests[0]!;
  const u = b.requests[0]!;
  expect(u.method).toBe(o.method);
  expect(u.path).toBe(o.path);
  expect(sortedQuery(u)).toEqual(sortedQuery(o));
  expect(u.body).toEqual(o.body);
  expect(u.headers.authorization).toBe(o.headers.authorization);
  expect(headerDiff(o, u)).toEqual(expectedHeaderDiff(o, u, pipeline));
  expect(b.value).toEqual(a.value);
  return { official: o, ours: u };
}

const resourceCases: Record<string, Record<string, Call[]>> = {
  checkoutSessions: {
    create: [
      (l) =>
        l.checkoutSessions.create({
          checkout_mode: 'subscription',
          origin_url: 'https://yourapp.com',
          plan_id: 'sc_plan_id',
        }),
      (l) =>
        l.checkoutSessions.create({
          checkout_mode: 'credit_bundle',
          origin_url: 'https://yourapp.com',
          customer_id: 'con_1',
          credit_bundle_id: 'cb_1',
        }),
    ],
  },
  customers: {
    create: [
      (l) =>
        l.customers.create({
          reference_id: 'user_42',
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: '+14155550100',
          metadata: { tier: 'gold', seats: 3 },
        }),
      (l) => l.customers.create({}),
    ],
    list: [(l) => l.customers.list(), (l) => l.customers.list({ limit: 100, cursor: 'cur_1' })],
    retrieve: [(l) => l.customers.retrieve('con_abc123')],
    update: [(l) => l.customers.update('con_abc123', { name: 'Ada', email: null, metadata: null })],
    delete: [(l) => l.customers.delete('con_abc123')],
    getSubscription: [(l) => l.customers.getSubscription('con_abc123')],
  },
  requests: {
    list: [
      (l) => l.requests.list(),
      (l) =>
        l.requests.list({
          limit: 5,
          cursor: 'cur_1',
          customer_id: 'con_1',
          meter_id: 'prd_1',
          metadata_filters: { feature: 'chat', env: 'prod' },
        }),
    ],
    create: [
      (l) =>
        l.requests.create({
          request_id: 'req_custom_1',
          customer_id: 'conn_abc123',
          meter_slug: 'my-meter',
          input_tokens: 100,
          output_tokens: 50,
          metadata: { feature: 'code-generation', user_id: 'user_789' },
        }),
    ],
    retrieve: [(l) => l.requests.retrieve('req_1')],
  },
  usage: {
    retrieve: [
      (l) => l.usage.retrieve({ start: '2025-01-01T00:00:00Z' }),
      (l) =>
        l.usage.retrieve({
          start: '2025-01-01T00:00:00Z',
          end: '2025-01-31T23:59:59Z',
          customer_id: 'conn_abc123',
          meter_id: 'meter_abc123',
          metadata_filters: { feature: 'chat' },
        }),
    ],
  },
  subscriptions: {
    listPlans: [(l) => l.subscriptions.listPlans(), (l) => l.subscriptions.listPlans({ limit: 2 })],
    retrievePlan: [(l) => l.subscriptions.retrievePlan('sc_1')],
    createPlan: [
      (l) =>
        l.subscriptions.createPlan({
          name: 'Pro',
          period_amount: '25.00',
          billing_interval: 'month',
          included_credit: '25.00',
          rollover_type: 'none',
          bundle_rollover_type: 'full',
          meter_ids: ['prd_1'],
          credit_bundles: [{ name: 'Top-up', cost: '10.00', credit_amount: '10.00' }],
          default_auto_top_up_bundle_index: 0,
        }),
    ],
    updatePlan: [
      (l) =>
        l.subscriptions.updatePlan('sc_1', {
          name: 'Pro 2',
          default_auto_top_up_bundle_id: null,
          credit_bundles: [
            { credit_bundle_id: 'cb_1', name: 'Top-up', cost: '12.00', credit_amount: '12.00' },
            { credit_bundle_id: 'cb_2', name: 'Old', cost: '1.00', credit_amount: '1.00', is_deleted: true },
          ],
        }),
    ],
    deletePlan: [(l) => l.subscriptions.deletePlan('sc_1')],
    create: [(l) => l.subscriptions.create({ customer_id: 'con_1', plan_id: 'sc_free' })],
    list: [
      (l) => l.subscriptions.list(),
      (l) => l.subscriptions.list({ status: 'all', customer_id: 'con_1', limit: 20, cursor: 'cur_1' }),
    ],
    update: [
      (l) => l.subscriptions.update('as_abc123', { auto_top_up_bundle_id: 'cb_pack_id' }),
      (l) => l.subscriptions.update('as_abc123', { auto_top_up_bundle_id: null }),
    ],
    cancel: [(l) => l.subscriptions.cancel('as_abc123')],
  },
  meters: {
    list: [(l) => l.meters.list(), (l) => l.meters.list({ limit: 3, cursor: 'cur_1' })],
    retrieve: [(l) => l.meters.retrieve('prd_1')],
    create: [
      (l) =>
        l.meters.create({
          name: 'Chat',
          meter_slug: 'chat',
          rate_type: 'fixed',
          tier_type: 'tokens_1m',
          tiers: [
            { start: '0', rate: '1.00' },
            { start: '1000000', rate: '0.80' },
          ],
        }),
    ],
    update: [(l) => l.meters.update('prd_1', { name: 'Chat 2', tiers: [{ start: '0', rate: '2.00' }] })],
    delete: [(l) => l.meters.delete('prd_1')],
  },
  creditBundles: {
    list: [(l) => l.creditBundles.list(), (l) => l.creditBundles.list({ plan_id: 'sc_1', limit: 10 })],
    retrieve: [(l) => l.creditBundles.retrieve('cb_1')],
  },
  webhooks: {
    list: [(l) => l.webhooks.list(), (l) => l.webhooks.list({ limit: 1 })],
    retrieve: [(l) => l.webhooks.retrieve('wh_1')],
    create: [(l) => l.webhooks.create({ name: 'prod', url: 'https://example.com/webhooks/lava' })],
    update: [(l) => l.webhooks.update('wh_1', { url: 'https://example.com/webhooks/lava2' })],
    delete: [(l) => l.webhooks.delete('wh_1')],
  },
  secretKeys: {
    list: [(l) => l.secretKeys.list(), (l) => l.secretKeys.list({ cursor: 'cur_1' })],
    create: [(l) => l.secretKeys.create({ name: 'ci' })],
    delete: [(l) => l.secretKeys.delete('sk_1')],
  },
  spendKeys: {
    list: [(l) => l.spendKeys.list(), (l) => l.spendKeys.list({ limit: 50 })],
    retrieve: [(l) => l.spendKeys.retrieve('spk_1')],
    create: [
      (l) =>
        l.spendKeys.create({
          name: 'Agent Key',
          allowed_providers: ['openai', 'anthropic'],
          spend_limit: { amount: '50.00', cycle: 'monthly' },
          rate_limit: { rpm: 60 },
        }),
    ],
    update: [
      (l) =>
        l.spendKeys.update('spk_1', {
          status: 'paused',
          spend_limit: null,
          allowed_models: null,
          expires_at: '2026-12-31T23:59:59Z',
        }),
    ],
    revoke: [(l) => l.spendKeys.revoke('spk_1')],
    rotate: [(l) => l.spendKeys.rotate('spk_1')],
  },
  models: { list: [(l) => l.models.list()] },
};

/** The official SDK's resource methods, from the registry: `{ customers: ['create', …], … }`. */
const OFFICIAL_METHODS: Record<string, string[]> = {};
for (const op of OPERATIONS) {
  const [resource, method] = 'official' in op ? op.official.split('.') : [];
  if (resource && method && resource !== 'Lava')
    OFFICIAL_METHODS[resource] = [...(OFFICIAL_METHODS[resource] ?? []), method];
}

/** True when a recorded request is the registry's `METHOD /path/{param}` under `/v1`. */
function matchesWire(wire: string, method: string, path: string): boolean {
  const [verb, template = ''] = wire.split(' ');
  const pattern = new RegExp(`^/v1${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);
  return verb === method && pattern.test(path);
}

describe('the surface', () => {
  it('has the 11 resources with every method of the official SDK, and the test covers each one', () => {
    for (const [resource, methods] of Object.entries(OFFICIAL_METHODS)) {
      const theirs = official[resource as keyof OfficialLava] as unknown as Record<string, unknown>;
      const mine = ours[resource as keyof Lava] as unknown as Record<string, unknown>;
      const proto = Object.getPrototypeOf(theirs) as object;
      const officialMethods = Object.getOwnPropertyNames(proto).filter((m) => m !== 'constructor');
      expect(officialMethods.sort()).toEqual([...methods].sort());
      for (const method of methods) {
        expect(typeof mine[method], `${resource}.${method}`).toBe('function');
        expect(resourceCases[resource]?.[method]?.length, `cases for ${resource}.${method}`).toBeGreaterThan(
          0,
        );
      }
    }
    for (const name of ['gateway', 'generateForwardToken', 'request'] as const) {
      expect(typeof ours[name]).toBe('function');
    }
    expect(typeof Lava.login).toBe('function');
    expect(typeof Lava.exchangeAuthCode).toBe('function');
  });
});

describe('resources: same method, path, query, JSON body and Authorization', () => {
  for (const [resource, methods] of Object.entries(resourceCases)) {
    for (const [method, calls] of Object.entries(methods)) {
      const op = OPERATIONS.find((o) => 'official' in o && o.official === `${resource}.${method}`);
      calls.forEach((call, i) => {
        it(`${resource}.${method} #${i + 1}: ${op && 'wire' in op ? op.wire : ''}`, async () => {
          const { official: o } = await expectSameRequest(call);
          expect(op && 'wire' in op && matchesWire(op.wire, o.method, o.path), `${o.method} ${o.path}`).toBe(
            true,
          );
        });
      });
    }
  }

  it('JSON bodies and queries hold the same members; their order follows our schemas', async () => {
    const { official: o, ours: u } = await expectSameRequest((l) =>
      l.customers.create({ email: 'ada@example.com', reference_id: 'user_42', metadata: { a: 1 } }),
    );
    expect(o.rawBody).toBe('{"email":"ada@example.com","reference_id":"user_42","metadata":{"a":1}}');
    expect(u.rawBody).toBe('{"reference_id":"user_42","email":"ada@example.com","metadata":{"a":1}}');
    const list = await expectSameRequest((l) => l.customers.list({ limit: 10, cursor: 'c' }));
    expect(list.official.query).toEqual([
      ['cursor', 'c'],
      ['limit', '10'],
    ]);
    expect(list.ours.query).toEqual(list.official.query);
  });

  it('request(): the low-level escape hatch sends the same as the official one', async () => {
    await expectSameRequest((l) => l.request('GET', 'customers', { query: { limit: '5' } }), 'request');
    await expectSameRequest((l) => l.request('POST', 'customers', { data: { name: 'Ada' } }), 'request');
    await expectSameRequest((l) => l.request('DELETE', 'customers/con_1'), 'request');
  });

  it('request() goes over the same transport as the resource methods (node:http in Node): the same headers', async () => {
    const names = (r: Recorded) => Object.keys(r.headers).sort();
    const [resource] = (await rec.capture(() => ours.customers.retrieve('con_1'))).requests;
    const [raw] = (await rec.capture(() => ours.request('GET', 'customers/con_1'))).requests;
    // fetch (undici) would add sec-fetch-mode, accept-language and its own user-agent.
    expect(names(raw!)).toEqual(names(resource!));
    expect(raw!.headers['sec-fetch-mode']).toBeUndefined();
  });
});

describe('gateway(): every billing mode × every format', () => {
  const modes = {
    merchant: {},
    'meter-only': { meter_slug: 'ai-usage' },
    customer: { customer_id: 'con_123', meter_slug: 'ai-usage' },
    disable_billing: { customer_id: 'con_123', meter_slug: 'ai-usage', disable_billing: true },
    BYOK: { provider_key: 'sk-provider-NOTREAL' },
    'BYOK + customer': {
      customer_id: 'con_123',
      meter_slug: 'ai-usage',
      provider_key: 'sk-provider-NOTREAL',
    },
  } as const;
  const targets = {
    none: 'https://api.openai.com/v1/chat/completions',
    openai: 'https://api.anthropic.com/v1/messages',
    anthropic: 'https://api.openai.com/v1/chat/completions',
    google: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent',
    bedrock: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude/converse',
  } as const;
  const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello!' }] };

  for (const [modeName, mode] of Object.entries(modes)) {
    for (const [formatName, url] of Object.entries(targets)) {
      const format = formatName === 'none' ? undefined : (formatName as 'openai');
      it(`${modeName}, format ${formatName}`, async () => {
        const { official: o } = await expectSameRequest(
          (l) =>
            l.gateway(url, {
              ...mode,
              ...(format && { format }),
              body,
              headers: { 'anthropic-version': '2023-06-01' },
            }),
          'raw',
        );
        expect(o.path).toBe(format ? `/v1/rewrite/${format}/${url}` : '/v1/forward');
        const token = o.headers.authorization!.replace(/^Bearer /, '');
        const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
        expect(decoded.secret_key).toBe(KEY);
      });
    }
  }

  it('GET without a body, a string body, a caller Authorization and Content-Type', async () => {
    const url = 'https://api.openai.com/v1/models';
    await expectSameRequest((l) => l.gateway(url, { method: 'GET', meter_slug: 'm' }), 'raw');
    await expectSameRequest(
      (l) => l.gateway('https://api.openai.com/v1/chat/completions', { body: '{"model":"gpt-4o"}' }),
      'raw',
    );
    await expectSameRequest(
      (l) =>
        l.gateway('https://api.openai.com/v1/chat/completions', {
          body: [1, 2],
          headers: { Authorization: 'Bearer caller-value', 'Content-Type': 'application/vnd.custom+json' },
        }),
      'raw',
    );
  });
});

describe('generateForwardToken(): the same decoded JSON, byte for byte', () => {
  const cases = [
    {},
    { meter_slug: 'my-meter' },
    { customer_id: null, meter_slug: 'my-meter' },
    { customer_id: 'conn_1', meter_slug: 'my-meter' },
    { customer_id: 'conn_1', meter_slug: 'my-meter', disable_billing: true },
    { customer_id: 'conn_1', meter_slug: 'my-meter', disable_billing: false },
    { customer_id: 'conn_1', meter_slug: 'my-meter', provider_key: 'sk-x' },
    { customer_id: null, meter_slug: null, provider_key: 'sk-openai-NOTREAL' },
    { provider_key: 'sk-openai-NOTREAL' },
    { customer_id: 'cön_ünicode', meter_slug: 'mètre' },
  ] as const;
  for (const options of cases) {
    it(JSON.stringify(options), () => {
      const theirs = official.generateForwardToken(options);
      const mine = ours.generateForwardToken(options);
      const decode = (t: string) => JSON.parse(Buffer.from(t, 'base64').toString('utf8'));
      expect(decode(mine)).toEqual(decode(theirs));
      expect(mine).toBe(theirs);
    });
  }
});

describe('providers', () => {
  it('the same strings for the same baseUrl', () => {
    expect({ ...ours.providers }).toEqual({ ...official.providers });
    expect(Object.keys(ours.providers)).toEqual(Object.keys(official.providers));
    const base = 'https://api.example.test/v1/';
    const a = new OfficialLava(KEY, { baseUrl: base }).providers;
    const b = new Lava(KEY, { baseUrl: base }).providers;
    expect({ ...b }).toEqual({ ...a });
    expect(Object.keys(b)).toHaveLength(28);
  });
});

describe('static login() and exchangeAuthCode()', () => {
  it('exchangeAuthCode sends the same POST /auth/callback, without Authorization', async () => {
    const a = await rec.capture(() =>
      OfficialLava.exchangeAuthCode({ code: 'code_123', baseUrl: rec.baseUrl }),
    );
    const b = await rec.capture(() => Lava.exchangeAuthCode({ code: 'code_123', baseUrl: rec.baseUrl }));
    expect(b.value).toEqual(a.value);
    const [o, u] = [a.requests[0]!, b.requests[0]!];
    expect([u.method, u.path, u.body]).toEqual([o.method, o.path, o.body]);
    const op = OPERATIONS.find((x) => x.name === 'exchangeAuthCode');
    expect(op && 'wire' in op && matchesWire(op.wire, o.method, o.path)).toBe(true);
    expect(o.headers.authorization).toBeUndefined();
    expect(u.headers.authorization).toBeUndefined();
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect(headerDiff(o, u)).toEqual(expectedHeaderDiff(o, u, 'rest'));
  });

  it('login(): the same browser URL and the same code exchange (a fake xdg-open completes the flow)', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, chmodSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'lava-login-'));
    const log = join(dir, 'urls.log');
    // Stands in for the system browser: records the URL, then follows the callback as the Lava app would.
    const script = `#!${process.execPath}
const fs = require('node:fs');
const url = new URL(process.argv[2]);
fs.appendFileSync(${JSON.stringify(log)}, url.href + '\\n');
const callback = 'http://127.0.0.1:' + url.searchParams.get('port') + '/callback?code=code_login&state=' + url.searchParams.get('state');
fetch(callback).then((r) => r.text()).then(() => process.exit(0), () => process.exit(1));
`;
    for (const name of ['xdg-open', 'open']) {
      writeFileSync(join(dir, name), script);
      chmodSync(join(dir, name), 0o755);
    }
    const path = process.env.PATH;
    process.env.PATH = `${dir}:${path}`;
    try {
      const a = await rec.capture(() => OfficialLava.login({ baseUrl: rec.origin }));
      const b = await rec.capture(() => Lava.login({ baseUrl: rec.origin }));
      expect(a.error).toBeUndefined();
      expect(b.error).toBeUndefined();
      expect(b.value).toEqual(a.value);
      const [o, u] = [a.requests[0]!, b.requests[0]!];
      expect([u.method, u.path, u.body]).toEqual([o.method, o.path, o.body]);
      expect(u.body).toEqual({ code: 'code_login' });
      const urls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((s) => new URL(s));
      expect(urls).toHaveLength(2);
      for (const url of urls) {
        expect(`${url.origin}${url.pathname}`).toBe(`${rec.origin}/auth/connect`);
        expect(url.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/);
        expect(url.searchParams.get('port')).toMatch(/^\d+$/);
      }
    } finally {
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs a call that must fail, returning the error and the requests it sent. */
async function failing(fn: () => unknown) {
  const { requests, error, value } = await rec.capture(fn);
  expect(value).toBeUndefined();
  return { requests, error: error as Error };
}

describe('deliberate differences (MIGRATION.md)', () => {
  it('path parameters are percent-encoded; ".." cannot climb the route', async () => {
    const o = await rec.capture(() => official.customers.retrieve('a/b c?x'));
    const u = await rec.capture(() => ours.customers.retrieve('a/b c?x'));
    expect(o.requests[0]!.path).toBe('/v1/customers/a/b%20c');
    expect(o.requests[0]!.query).toEqual([['x', '']]);
    expect(u.requests[0]!.path).toBe('/v1/customers/a%2Fb%20c%3Fx');
    const climb = await rec.capture(() => official.customers.delete('..'));
    expect(climb.requests[0]!.path).toBe('/v1/');
    const refused = await failing(() => ours.customers.delete('..'));
    expect(refused.requests).toHaveLength(0);
    expect((refused.error as LavaError).kind).toBe('invalid_params');
  });

  it('default host: api.lava.so (sandbox-api.lava.so for aks_test_ keys) instead of lavapayments.com', () => {
    const saved = process.env.LAVA_BASE_URL;
    delete process.env.LAVA_BASE_URL;
    try {
      expect(new Lava(KEY).client.baseUrl).toBe('https://sandbox-api.lava.so/v1/');
      expect(new Lava('aks_live_x').client.baseUrl).toBe('https://api.lava.so/v1/');
      expect(new OfficialLava(KEY).providers.openai).toMatch(
        /^https:\/\/sandbox-api\.lavapayments\.com\/v1\//,
      );
      expect(new OfficialLava('aks_live_x').providers.openai).toMatch(
        /^https:\/\/api\.lavapayments\.com\/v1\//,
      );
      process.env.LAVA_BASE_URL = 'https://lava.internal.test/v1';
      expect(new Lava(KEY).client.baseUrl).toBe('https://lava.internal.test/v1/');
      expect(new OfficialLava(KEY).providers.openai).toMatch(/lavapayments\.com/);
    } finally {
      if (saved === undefined) delete process.env.LAVA_BASE_URL;
      else process.env.LAVA_BASE_URL = saved;
    }
  });

  it('a baseUrl without its trailing slash keeps its path', async () => {
    const base = rec.baseUrl.slice(0, -1);
    const o = await rec.capture(() => new OfficialLava(KEY, { baseUrl: base }).customers.retrieve('con_1'));
    const u = await rec.capture(() =>
      new Lava(KEY, { baseUrl: base, maxRetries: 0 }).customers.retrieve('con_1'),
    );
    expect(o.requests[0]!.path).toBe('/customers/con_1');
    expect(u.requests[0]!.path).toBe('/v1/customers/con_1');
    expect(new OfficialLava(KEY, { baseUrl: base }).providers.openai).toContain('/v1forward?u=');
    expect(new Lava(KEY, { baseUrl: base }).providers.openai).toContain('/v1/forward?u=');
  });

  it('no secret key: both throw; ours is a config LavaError with the same message', () => {
    const saved = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      let theirs: unknown;
      let mine: unknown;
      try {
        new OfficialLava();
      } catch (e) {
        theirs = e;
      }
      try {
        new Lava();
      } catch (e) {
        mine = e;
      }
      expect(theirs).toBeInstanceOf(Error);
      expect(isLavaError(mine) && mine.kind).toBe('config');
      expect((mine as Error).message).toBe((theirs as Error).message);
      process.env.LAVA_SECRET_KEY = KEY;
      expect(new Lava().client.secretKey).toBe(KEY);
      expect(new Lava('').client.secretKey).toBe(KEY);
    } finally {
      if (saved === undefined) delete process.env.LAVA_SECRET_KEY;
      else process.env.LAVA_SECRET_KEY = saved;
    }
  });

  it('invalid options: the constructor does not check them, as the official one; each call rejects with config', async () => {
    // Only a missing key throws at construction (the official SDK's behaviour, and the JSDoc's promise).
    const bad = { baseUrl: 'http://127.0.0.1:9/v1/', timeoutMs: -1 } as const;
    expect(() => new OfficialLava(KEY, bad as never)).not.toThrow();
    const lava = new Lava(KEY, bad);
    const e = (await failing(() => lava.customers.list())).error as LavaError;
    expect([e.kind, e.message]).toEqual([
      'config',
      'Invalid timeoutMs: must be a number from 0 to 2147483647',
    ]);
  });

  it('a non-2xx rejects with an api LavaError (status, code, requestId) instead of a plain Error', async () => {
    const o = await failing(() => official.request('GET', 'nowhere'));
    const u = await failing(() => ours.request('GET', 'nowhere'));
    expect(o.error.message).toBe(
      'Lava API Error: 404 Not Found - {"message":"Not found","code":"not_found","status":404}',
    );
    const e = u.error as LavaError;
    expect(e.kind === 'api' && [e.status, e.code, e.requestId?.startsWith('req_rec_')]).toEqual([
      404,
      'not_found',
      true,
    ]);
  });

  it('params are validated before sending: the official SDK sends them, ours rejects with invalid_params', async () => {
    const bad = [
      (l: Client) => l.customers.create({ email: 'not-an-email' }),
      (l: Client) => l.meters.create({ name: 'x', rate_type: 'fixed', tier_type: 'tokens_1m', tiers: [] }),
      (l: Client) => l.usage.retrieve({ start: 'yesterday' }),
    ];
    for (const call of bad) {
      const o = await rec.capture(() => call(official));
      expect(o.requests).toHaveLength(1);
      const u = await failing(() => call(ours));
      expect(u.requests).toHaveLength(0);
      expect((u.error as LavaError).kind).toBe('invalid_params');
    }
  });

  it('list queries: falsy values the official SDK drops are rejected; unknown params are sent, not dropped', async () => {
    const empty = await rec.capture(() => official.requests.list({ customer_id: '', limit: 0 }));
    expect(empty.requests[0]!.query).toEqual([]);
    const refused = await failing(() => ours.requests.list({ customer_id: '', limit: 0 }));
    expect(refused.requests).toHaveLength(0);
    expect((refused.error as LavaError).kind).toBe('invalid_params');

    const extra = { limit: 1, include: 'archived' } as { limit: number };
    const o = await rec.capture(() => official.customers.list(extra));
    const u = await rec.capture(() => ours.customers.list(extra));
    expect(o.requests[0]!.query).toEqual([['limit', '1']]);
    expect(sortedQuery(u.requests[0]!)).toEqual([
      ['include', 'archived'],
      ['limit', '1'],
    ]);
  });

  it('gateway(): customer_id without meter_slug rejects with invalid_params; neither SDK sends anything', async () => {
    const url = 'https://api.openai.com/v1/chat/completions';
    const o = await failing(() => official.gateway(url, { customer_id: 'con_1' }));
    const u = await failing(() => ours.gateway(url, { customer_id: 'con_1' }));
    expect(o.requests).toHaveLength(0);
    expect(u.requests).toHaveLength(0);
    expect(o.error.message).toMatch(/customer_id requires meter_slug/);
    expect((u.error as LavaError).kind).toBe('invalid_params');
  });

  it('the secret key is not an enumerable property of the client', () => {
    expect(inspect(official, { depth: 1 })).toContain(KEY);
    expect(inspect(ours, { depth: 5, showHidden: false })).not.toContain(KEY);
    expect(JSON.stringify(ours)).not.toContain(KEY);
  });
});

describe('additions', () => {
  it('per-call options come last; results carry the request id; lava.client serves the standalone functions', async () => {
    const { requests, value } = await rec.capture(() =>
      ours.customers.create({ name: 'Ada' }, { idempotencyKey: 'idem-1', headers: { 'x-trace': 't1' } }),
    );
    expect(requests[0]!.headers['idempotency-key']).toBe('idem-1');
    expect(requests[0]!.headers['x-trace']).toBe('t1');
    expect(requestIdOf(value)).toMatch(/^req_rec_\d+$/);
    const result = await retrieveCustomer(ours.client, 'con_1');
    expect(result.isOk() && result.value.customer_id).toBe('con_test_01EXAMPLE000');
  });
});
