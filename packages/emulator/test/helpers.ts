import { createLava, type LavaClient } from '@lava-sdk/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from '../src/server';

export interface Served {
  running: RunningEmulator;
  lava: LavaClient;
  baseUrl: string;
}

/** Starts one emulator server for the test file on 127.0.0.1, reset before each test. */
export function useEmulator(options: StartEmulatorOptions = {}): Served {
  const served = {} as Served;
  beforeAll(async () => {
    served.running = await startEmulator(options);
    served.baseUrl = served.running.baseUrl;
    // Strict: an emulator answer that differs from the SDK's documented schemas fails the test.
    served.lava = createLava({
      secretKey: EMULATOR_SECRET_KEY,
      baseUrl: served.baseUrl,
      retryDelayMs: 1,
      responseValidation: 'strict',
    });
  });
  afterAll(() => served.running.stop());
  beforeEach(() => served.running.emulator.reset());
  return served;
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience
  body: any;
  text: string;
}

/** A plain fetch to the emulator; `body` is JSON-encoded unless it is already a string. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(new URL(path, baseUrl), init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A forward token, built as the official SDK does. */
export function forwardToken(fields: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ secret_key: EMULATOR_SECRET_KEY, ...fields })).toString('base64');
}

export const tokensMeter = {
  name: 'Chat tokens',
  rate_type: 'fixed',
  tier_type: 'tokens_1m',
  tiers: [
    { start: '0', rate: '10' },
    { start: '1000', rate: '5' },
  ],
} as const;

/** A meter, a free plan with `credit` included credit linked to it, a customer subscribed to the plan. */
export async function billingFixture(baseUrl: string, credit = '5.00', meter: object = tokensMeter) {
  const m = (await api(baseUrl, 'POST', 'meters', meter)).body;
  const plan = (
    await api(baseUrl, 'POST', 'plans', {
      name: 'Free',
      period_amount: '0',
      billing_interval: 'month',
      included_credit: credit,
      meter_ids: [m.meter_id],
      credit_bundles: [{ name: 'Top-up', cost: '10.00', credit_amount: '10.00' }],
    })
  ).body;
  const customer = (
    await api(baseUrl, 'POST', 'customers', { reference_id: 'user_1', email: 'ada@example.com' })
  ).body;
  await api(baseUrl, 'POST', 'subscriptions', { customer_id: customer.customer_id, plan_id: plan.plan_id });
  return { meter: m, plan, customer };
}
