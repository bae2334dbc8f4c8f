// The inspector at `/` in a real browser: after a checkout and gateway calls it lists the customer, their
// credit and the requests, updates live (server-sent events) without a reload, and keeps user data as text.
import { copyFile, mkdir } from 'node:fs/promises';
import { createCheckoutSession } from '@lava-sdk/checkout-sessions';
import { getCustomerSubscription, listCustomers, updateCustomer } from '@lava-sdk/customers';
import { gateway } from '@lava-sdk/gateway';
import { createMeter } from '@lava-sdk/meters';
import { createPlan } from '@lava-sdk/subscriptions';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSuite,
  checkoutEvents,
  DOCS_DIR,
  hasBrowser,
  OUT_DIR,
  ok,
  openCheckout,
  useBrowserSuite,
} from './browser';

const suite = useBrowserSuite();
const CHAT_URL = 'https://api.openai.com/v1/chat/completions';
const XSS_NAME = '<img src=x onerror=alert(1)>';

async function starterPlan(s: BrowserSuite) {
  const meter = await ok(
    createMeter(s.lava, {
      name: 'Chat tokens',
      rate_type: 'fixed',
      tier_type: 'tokens_1m',
      tiers: [
        { start: '0', rate: '1500' },
        { start: '1000000', rate: '900' },
      ],
    }),
  );
  const plan = await ok(
    createPlan(s.lava, {
      name: 'Starter',
      period_amount: '9.00',
      billing_interval: 'month',
      included_credit: '5.00',
      meter_ids: [meter.meter_id],
      credit_bundles: [{ name: 'Boost', cost: '5.00', credit_amount: '10.00' }],
    }),
  );
  return { meter, plan };
}

/** One chat completion through the forward proxy, billed to the customer on the meter. */
async function chat(s: BrowserSuite, customerId: string, meterSlug: string, text: string) {
  await ok(
    gateway(s.lava, CHAT_URL, {
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] },
      customer_id: customerId,
      meter_slug: meterSlug,
    }),
  );
}

/** The URL the newest gateway call arrived with, as the emulator recorded it. */
function rawUrlOfNewest(s: BrowserSuite): string {
  const record = [...s.emulator.emulator.state.requests.values()].at(-1);
  if (!record?.raw_url) throw new Error('no gateway request recorded');
  expect(record.raw_url).toContain(`forward?u=${encodeURIComponent(CHAT_URL)}`);
  return record.raw_url;
}

describe.skipIf(!hasBrowser)('the inspector in Chromium', () => {
  it('lists the customer, their credit and the gateway request; updates live; user data stays text', async () => {
    const { meter, plan } = await starterPlan(suite);
    const session = await ok(
      createCheckoutSession(suite.lava, {
        checkout_mode: 'subscription',
        plan_id: plan.plan_id,
        origin_url: suite.merchantOrigin,
      }),
    );
    // The customer signs up through the hosted checkout, with a name that is HTML.
    const frame = await openCheckout(suite, session.checkout_session_token);
    await frame.getByLabel('Name').fill(XSS_NAME);
    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await suite.page.waitForFunction(() => window.lavaEvents.length > 0);
    const [event] = await checkoutEvents(suite.page);
    const customerId = event?.type === 'success' ? event.connectionId : '';
    await ok(updateCustomer(suite.lava, customerId, { metadata: { note: '<script>alert(2)</script>' } }));
    await chat(suite, customerId, meter.meter_slug, 'Hello there');
    const rawUrl = rawUrlOfNewest(suite);
    await suite.emulator.emulator.settled();

    const page = suite.page;
    await page.goto(`${suite.emulator.url}/`);
    await expect.poll(() => page.locator('#live').textContent()).toBe('Live');
    const customerRow = page.locator(`#customers tr[data-id="${customerId}"]`);
    const { subscription } = await ok(getCustomerSubscription(suite.lava, customerId));
    const credit = subscription?.credits.total_remaining ?? '';
    expect(Number(credit)).toBeLessThan(5);
    expect(await customerRow.textContent()).toContain(XSS_NAME);
    expect(await customerRow.textContent()).toContain('Starter');
    expect(await customerRow.textContent()).toContain(`$${credit}`);
    expect(await customerRow.textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('img, #app script').count()).toBe(0);

    const requestRows = page.locator('#requests tbody tr');
    expect(await requestRows.count()).toBe(1);
    const requestRow = requestRows.first();
    expect(await requestRow.textContent()).toContain(`POST ${CHAT_URL}`);
    expect(await requestRow.textContent()).toContain('gpt-4o-mini');
    expect(await requestRow.textContent()).toContain(rawUrl);
    expect(await requestRow.textContent()).toContain(customerId);
    // Usage by day: today has a bar.
    expect(await page.locator('#usage rect.bar:not(.zero)').count()).toBe(1);
    const deliveries = page.locator('#deliveries tbody tr');
    expect(await deliveries.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#deliveries').textContent()).toContain('customer.created');
    expect(await deliveries.locator('.badge', { hasText: /^valid$/ }).count()).toBe(await deliveries.count());
    await page.locator('#deliveries details').first().click();
    expect(await page.locator('#deliveries details pre').first().textContent()).toContain(customerId);

    // Live: a second call shows up without a reload, and the credit follows.
    await chat(suite, customerId, meter.meter_slug, 'And again, with a longer question this time');
    await expect.poll(() => requestRows.count(), { timeout: 5_000 }).toBe(2);
    const after = await ok(getCustomerSubscription(suite.lava, customerId));
    await expect
      .poll(() => customerRow.textContent())
      .toContain(`$${after.subscription?.credits.total_remaining}`);
    // The payload stays open across the re-render.
    expect(await page.locator('#deliveries details[open]').count()).toBe(1);

    await page.screenshot({ path: `${OUT_DIR}inspector.png`, fullPage: true });
  });

  it('links an open checkout session to its hosted page, which pays in a tab of its own', async () => {
    const { plan } = await starterPlan(suite);
    const session = await ok(
      createCheckoutSession(suite.lava, {
        checkout_mode: 'subscription',
        plan_id: plan.plan_id,
        origin_url: 'https://app.example.com',
      }),
    );
    const page = suite.page;
    await page.goto(`${suite.emulator.url}/`);
    const row = page.locator(`#checkouts tr[data-id="${session.checkout_session_id}"]`);
    expect(await row.textContent()).toContain('open');
    const [tab] = await Promise.all([
      suite.context.waitForEvent('page'),
      row.getByRole('link', { name: 'Open checkout' }).click(),
    ]);
    await tab.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect.poll(() => tab.getByRole('status').textContent()).toContain('Payment complete');
    const customers = (await ok(listCustomers(suite.lava))).data;
    expect(customers).toHaveLength(1);
    await expect.poll(() => row.textContent(), { timeout: 5_000 }).toContain('completed');
    expect(await row.getByRole('link').count()).toBe(0);
    expect(await page.locator(`#customers tr[data-id="${customers[0]?.customer_id}"]`).count()).toBe(1);
  });

  it('a week of usage: the chart has a bar per active day (the README screenshot)', async () => {
    const DAY = 86_400_000;
    suite.advance(-6 * DAY);
    const { meter, plan } = await starterPlan(suite);
    const people = [
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: 'Grace Hopper', email: 'grace@example.com' },
      { name: 'Alan Turing', email: 'alan@example.com' },
    ];
    const ids: string[] = [];
    for (const person of people) {
      const session = await ok(
        createCheckoutSession(suite.lava, {
          checkout_mode: 'subscription',
          plan_id: plan.plan_id,
          origin_url: suite.merchantOrigin,
        }),
      );
      ids.push(suite.emulator.emulator.completeCheckout(session.checkout_session_id, person));
    }
    const callsPerDay = [2, 0, 3, 1, 4, 2, 3];
    const questions = ['Summarise this contract', 'Draft a reply to the customer', 'What changed in v2?'];
    for (const [day, calls] of callsPerDay.entries()) {
      for (let i = 0; i < calls; i++) {
        const question = `${questions[i % questions.length]} ${'in more detail '.repeat(day + i)}`;
        await chat(suite, ids[(day + i) % ids.length] ?? '', meter.meter_slug, question);
      }
      if (day < callsPerDay.length - 1) suite.advance(DAY);
    }
    await ok(
      createCheckoutSession(suite.lava, {
        checkout_mode: 'credit_bundle',
        customer_id: ids[0] ?? '',
        credit_bundle_id: plan.credit_bundles[0]?.credit_bundle_id ?? '',
        origin_url: suite.merchantOrigin,
      }),
    );
    await suite.emulator.emulator.settled();
    const page = suite.page;
    await page.goto(`${suite.emulator.url}/`);
    await expect.poll(() => page.locator('#live').textContent()).toBe('Live');
    expect(await page.locator('#usage rect.bar:not(.zero)').count()).toBe(callsPerDay.filter(Boolean).length);
    // Tables show their newest ten rows until "Show all".
    const requestRows = page.locator('#requests tbody tr');
    expect(await requestRows.count()).toBe(10);
    await page.locator('#requests').getByRole('button', { name: 'Show all 15' }).click();
    expect(await requestRows.count()).toBe(callsPerDay.reduce((a, b) => a + b));
    await page.locator('#requests').getByRole('button', { name: 'Show the newest 10' }).click();
    expect(await requestRows.count()).toBe(10);
    expect(await page.locator('#customers tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: 'Tokens' }).click();
    expect(await page.getByRole('img', { name: 'Tokens by day' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Charge ($)' }).click();
    await page.screenshot({ path: `${OUT_DIR}inspector-week-full.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT_DIR}inspector-week.png` });
    if (process.env.UPDATE_SCREENSHOTS) {
      await mkdir(DOCS_DIR, { recursive: true });
      await copyFile(`${OUT_DIR}inspector-week.png`, `${DOCS_DIR}emulator-inspector.png`);
      await copyFile(`${OUT_DIR}checkout.png`, `${DOCS_DIR}emulator-checkout.png`).catch(() => undefined);
    }
  });
});
