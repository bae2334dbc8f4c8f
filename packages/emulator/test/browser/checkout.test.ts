// The hosted checkout in a real browser: a React page calls `open(token)` from the real
// `@lavapayments/checkout` 0.1.3 for a session made through the SDK, and the test clicks inside the iframe.
import { createCheckoutSession } from '@lava-sdk/checkout-sessions';
import {
  createCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
} from '@lava-sdk/customers';
import { createMeter } from '@lava-sdk/meters';
import { createPlan, createSubscription } from '@lava-sdk/subscriptions';
import { verifyWebhookSignature } from '@lava-sdk/webhooks';
import { describe, expect, it } from 'vitest';
import { CHECKOUT_SESSION_TTL_MS } from '../../src/index';
import {
  type BrowserSuite,
  checkoutEvents,
  hasBrowser,
  lavaMessages,
  OUT_DIR,
  ok,
  openCheckout,
  useBrowserSuite,
} from './browser';

const suite = useBrowserSuite();

/** A paid plan ($25 a month, $10 of credit) on a token meter; what a signup checkout sells. */
async function proPlan(s: BrowserSuite) {
  const meter = await ok(
    createMeter(s.lava, {
      name: 'Chat tokens',
      rate_type: 'fixed',
      tier_type: 'tokens_1m',
      tiers: [{ start: '0', rate: '10' }],
    }),
  );
  const plan = await ok(
    createPlan(s.lava, {
      name: 'Pro',
      period_amount: '25.00',
      billing_interval: 'month',
      included_credit: '10.00',
      meter_ids: [meter.meter_id],
    }),
  );
  return { meter, plan };
}

/** A subscription checkout of the Pro plan for the merchant page (or `origin_url`). */
async function proCheckout(s: BrowserSuite, origin_url = s.merchantOrigin) {
  const { plan } = await proPlan(s);
  const session = await ok(
    createCheckoutSession(s.lava, { checkout_mode: 'subscription', plan_id: plan.plan_id, origin_url }),
  );
  return { plan, session };
}

/** The webhooks the receiver got, each checked against the webhook secret with the SDK. */
async function verifiedEvents(s: BrowserSuite) {
  await s.emulator.emulator.settled();
  return Promise.all(
    s.received.map(async (r) => {
      expect((await verifyWebhookSignature(r.body, r.signature, s.webhookSecret)).isOk()).toBe(true);
      return JSON.parse(r.body) as { event: string; data: { customer_id: string } };
    }),
  );
}

const waitForEvents = (s: BrowserSuite, count: number) =>
  s.page.waitForFunction((n) => window.lavaEvents.length >= n, count, { timeout: 10_000 });

describe.skipIf(!hasBrowser)('hosted checkout in Chromium, opened by @lavapayments/checkout', () => {
  it('subscription: "Pay" creates the customer on the plan, onSuccess gets its id, webhooks are delivered', async () => {
    const { plan, session } = await proCheckout(suite);
    const frame = await openCheckout(suite, session.checkout_session_token);
    await expect.poll(() => frame.getByRole('heading', { name: 'Subscribe to Pro' }).isVisible()).toBe(true);
    const summary = frame.getByRole('region', { name: 'Order summary' });
    expect(await summary.textContent()).toMatch(
      /\$25\.00 \/ month[\s\S]*\$10\.00 every month[\s\S]*Due today\s*\$25\.00/,
    );
    // The test details are prefilled and editable.
    expect(await frame.getByLabel('Card number').inputValue()).toBe('4242 4242 4242 4242');
    await frame.getByLabel('Name').fill('Ada Lovelace');
    await frame.getByLabel('Email').fill('ada@example.com');
    await frame.getByLabel('Phone').fill('+447700900123');
    await suite.page.screenshot({ path: `${OUT_DIR}checkout.png` });

    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await waitForEvents(suite, 1);
    const [event] = await checkoutEvents(suite.page);
    expect(event).toMatchObject({ type: 'success', checkoutSessionId: session.checkout_session_id });
    const customerId = event?.type === 'success' ? event.connectionId : '';
    expect(customerId).toMatch(/^con_/);
    // The package removes its iframe once it has the answer.
    await expect.poll(() => suite.page.locator('iframe').count()).toBe(0);

    const customer = await ok(retrieveCustomer(suite.lava, customerId));
    expect(customer.contact).toMatchObject({
      email: 'ada@example.com',
      phone: '+447700900123',
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    expect(customer.subscription).toMatchObject({ plan_id: plan.plan_id, status: 'active' });
    const { subscription } = await ok(getCustomerSubscription(suite.lava, customerId));
    expect(subscription?.credits).toEqual({
      total_remaining: '10.00',
      cycle_remaining: '10.00',
      bundle_remaining: '0.00',
    });
    const events = await verifiedEvents(suite);
    expect(events.map((e) => e.event)).toEqual(['customer.created', 'customer.wallet.balance.updated']);
    expect(events.every((e) => e.data.customer_id === customerId)).toBe(true);
    expect(await lavaMessages(suite.page)).toEqual([
      {
        type: 'lava_checkout_success',
        checkoutSessionId: session.checkout_session_id,
        connectionId: customerId,
      },
    ]);

    // The token is spent: opening it again shows the error page, and nothing more is posted.
    const again = await openCheckout(suite, session.checkout_session_token);
    await expect
      .poll(() => again.getByRole('heading', { name: 'Checkout already completed' }).isVisible())
      .toBe(true);
    expect(await lavaMessages(suite.page)).toEqual([]);
  });

  it('"Cancel" calls onCancel, creates nothing, and leaves the session open', async () => {
    const { session } = await proCheckout(suite);
    const frame = await openCheckout(suite, session.checkout_session_token);
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await waitForEvents(suite, 1);
    expect(await checkoutEvents(suite.page)).toEqual([
      { type: 'cancel', checkoutSessionId: session.checkout_session_id },
    ]);
    await expect.poll(() => suite.page.locator('iframe').count()).toBe(0);
    expect((await ok(listCustomers(suite.lava))).data).toEqual([]);
    expect(await verifiedEvents(suite)).toEqual([]);
    expect(
      suite.emulator.emulator.state.checkoutSessions.get(session.checkout_session_id)?.completed_at,
    ).toBeUndefined();

    // Escape cancels too, and the session can still be paid later.
    const reopened = await openCheckout(suite, session.checkout_session_token);
    await expect
      .poll(() => reopened.getByRole('button', { name: 'Pay', exact: true }).isVisible())
      .toBe(true);
    await suite.page.keyboard.press('Escape');
    await waitForEvents(suite, 1);
    expect(await checkoutEvents(suite.page)).toEqual([
      { type: 'cancel', checkoutSessionId: session.checkout_session_id },
    ]);
  });

  it('credit bundle top-up for an existing customer, whose HTML-like name renders as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const plan = await ok(
      createPlan(suite.lava, {
        name: 'Starter',
        period_amount: '0',
        billing_interval: 'month',
        included_credit: '2.00',
        credit_bundles: [{ name: 'Boost', cost: '5.00', credit_amount: '20.00' }],
      }),
    );
    const bundle = plan.credit_bundles[0];
    const customer = await ok(
      createCustomer(suite.lava, { reference_id: 'user_42', name, email: 'x@example.com' }),
    );
    await ok(createSubscription(suite.lava, { customer_id: customer.customer_id, plan_id: plan.plan_id }));
    await suite.emulator.emulator.settled();
    suite.received.length = 0;
    const session = await ok(
      createCheckoutSession(suite.lava, {
        checkout_mode: 'credit_bundle',
        customer_id: customer.customer_id,
        credit_bundle_id: bundle?.credit_bundle_id ?? '',
        origin_url: `${suite.merchantOrigin}/billing`,
      }),
    );
    const frame = await openCheckout(suite, session.checkout_session_token);
    await expect.poll(() => frame.getByRole('heading', { name: 'Buy Boost' }).isVisible()).toBe(true);
    expect(await frame.locator('.payer').textContent()).toContain(name);
    expect(await frame.locator('img').count()).toBe(0);
    expect(await frame.getByRole('region', { name: 'Order summary' }).textContent()).toMatch(
      /Credit\s*\$20\.00[\s\S]*For plan\s*Starter[\s\S]*Due today\s*\$5\.00/,
    );
    // A returning customer is not asked for contact details again.
    expect(await frame.getByLabel('Email').count()).toBe(0);

    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await waitForEvents(suite, 1);
    expect(await checkoutEvents(suite.page)).toEqual([
      { type: 'success', checkoutSessionId: session.checkout_session_id, connectionId: customer.customer_id },
    ]);
    const { subscription } = await ok(getCustomerSubscription(suite.lava, customer.customer_id));
    expect(subscription?.credits).toEqual({
      total_remaining: '22.00',
      cycle_remaining: '2.00',
      bundle_remaining: '20.00',
    });
    const events = await verifiedEvents(suite);
    expect(events.map((e) => e.event)).toEqual(['customer.wallet.balance.updated']);
    expect((await ok(listCustomers(suite.lava))).data).toHaveLength(1);
  });

  it('a declined card shows the error and keeps the checkout open; another card then pays', async () => {
    const { session } = await proCheckout(suite);
    const frame = await openCheckout(suite, session.checkout_session_token);
    await frame.getByLabel('Card number').fill('4000 0000 0000 0002');
    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect.poll(() => frame.getByRole('alert').textContent()).toBe('Your card was declined.');
    await frame.getByLabel('Card number').fill('4242 4242 4242 4241');
    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect.poll(() => frame.getByRole('alert').textContent()).toBe('Your card number is not valid.');
    expect(await lavaMessages(suite.page)).toEqual([]);
    expect((await ok(listCustomers(suite.lava))).data).toEqual([]);

    await frame.getByLabel('Card number').fill('4242424242424242');
    await frame.getByRole('button', { name: 'Pay', exact: true }).click();
    await waitForEvents(suite, 1);
    expect((await checkoutEvents(suite.page))[0]).toMatchObject({ type: 'success' });
  });

  it('unknown, expired and completed secrets show an error page and post nothing', async () => {
    const { session: completed } = await proCheckout(suite);
    suite.emulator.emulator.completeCheckout(completed.checkout_session_id, { email: 'done@example.com' });
    const { session: expired } = await proCheckout(suite);
    const unknown = btoa(JSON.stringify({ secret: 'css_test_NOSUCHSECRET', base: `${suite.emulator.url}/` }));
    const cases: [string, string][] = [
      [unknown, 'Checkout not found'],
      [completed.checkout_session_token, 'Checkout already completed'],
      [expired.checkout_session_token, 'Checkout expired'],
    ];
    for (const [token, heading] of cases) {
      if (token === expired.checkout_session_token) suite.advance(CHECKOUT_SESSION_TTL_MS + 1000);
      const frame = await openCheckout(suite, token);
      await expect.poll(() => frame.getByRole('heading', { name: heading }).isVisible()).toBe(true);
      expect(await frame.getByRole('button').count()).toBe(0);
      expect(await frame.locator('script').count()).toBe(0);
      // Give a (wrong) page time to post; nothing may arrive, and the package keeps its iframe.
      await suite.page.waitForTimeout(300);
      expect(await lavaMessages(suite.page)).toEqual([]);
      expect(await checkoutEvents(suite.page)).toEqual([]);
      expect(await suite.page.locator('iframe').count()).toBe(1);
    }
  });

  it('refuses to be framed by a page whose origin is not the session origin_url', async () => {
    const { session } = await proCheckout(suite, 'https://app.example.com');
    const response = suite.page.waitForResponse((r) => r.url().includes('/embed/checkout/'));
    const frame = await openCheckout(suite, session.checkout_session_token);
    expect((await response).status()).toBe(200);
    await suite.page.waitForTimeout(500);
    expect(await frame.getByRole('button', { name: 'Pay', exact: true }).count()).toBe(0);
    expect(suite.pageErrors.join('\n')).toMatch(/frame-ancestors/);
    suite.pageErrors.length = 0;
  });
});
