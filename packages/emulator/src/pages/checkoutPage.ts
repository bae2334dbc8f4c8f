// The hosted checkout at `GET /embed/checkout/{secret}`, the page `@lavapayments/checkout` opens in its iframe,
// and `POST /embed/checkout/{secret}/complete`, which its "Pay" button calls.
import type { Ctx } from '../context';
import { badRequest, json, LavaHttpError } from '../http';
import { checkoutBySecret, checkoutStatus, completeCheckoutSession } from '../model/checkout';
import type { Model, Snapshot } from '../model/model';
import type { CheckoutSessionRecord, CustomerRecord } from '../model/state';
import { formatAmount } from '../money';
import { html, jsonForScript, type SafeHtml } from './html';
import { htmlResponse, pageShell, sheetPage } from './pageShell';

/** Prefilled on the form; every field is editable. */
export const TEST_DETAILS = {
  name: 'Test Customer',
  email: 'customer@example.com',
  phone: '+14155550100',
  card_number: '4242 4242 4242 4242',
  card_expiry: '12 / 34',
  card_cvc: '123',
} as const;

/** The test card that is always declined, as on Stripe. */
export const DECLINED_CARD = '4000000000000002';

const money = (amount: bigint): string => `$${formatAmount(amount)}`;

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

function errorPage(status: number, title: string, text: string): Response {
  // No script at all: an invalid link must never tell the parent window anything.
  const body = html`<p>${text}</p>
  <p class="muted">Create a new checkout session and open its token again.</p>`;
  return sheetPage(status, title, body, { frameAncestors: '*' });
}

function payer(customer: Snapshot<CustomerRecord>): SafeHtml {
  const details = [customer.name, customer.email, customer.phone].filter(Boolean).join(' · ');
  return html`<p class="payer">Paying as <strong>${details || customer.customer_id}</strong>
    <span class="mono muted">${customer.customer_id}</span></p>`;
}

function contactFields(): SafeHtml {
  return html`<fieldset><legend>Your details</legend>
    <label>Name<input name="name" autocomplete="name" maxlength="255" value="${TEST_DETAILS.name}"></label>
    <label>Email<input name="email" type="email" autocomplete="email" value="${TEST_DETAILS.email}"></label>
    <label>Phone<input name="phone" type="tel" autocomplete="tel" required value="${TEST_DETAILS.phone}"></label>
  </fieldset>`;
}

function summary(
  model: Model,
  session: Snapshot<CheckoutSessionRecord>,
): { title: string; rows: SafeHtml; due: bigint } {
  const row = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  if (session.checkout_mode === 'subscription') {
    const plan = model.state.plans.get(session.plan_id ?? '');
    if (!plan) return { title: 'Subscribe', rows: html``, due: 0n };
    const price =
      plan.period_amount === 0n ? 'Free' : `${money(plan.period_amount)} / ${plan.billing_interval}`;
    return {
      title: `Subscribe to ${plan.name}`,
      rows: html`${row('Plan', plan.name)}${row('Price', price)}${row(
        'Included credit',
        `${money(plan.included_credit)} every ${plan.billing_interval}`,
      )}`,
      due: plan.period_amount,
    };
  }
  const bundle = model.state.creditBundles.get(session.credit_bundle_id ?? '');
  const plan = bundle ? model.state.plans.get(bundle.plan_id) : undefined;
  if (!bundle) return { title: 'Buy credit', rows: html``, due: 0n };
  return {
    title: `Buy ${bundle.name}`,
    rows: html`${row('Credit bundle', bundle.name)}${row('Credit', money(bundle.credit_amount))}${
      plan ? row('For plan', plan.name) : null
    }`,
    due: bundle.cost,
  };
}

/** `GET /embed/checkout/{secret}`: the session's checkout, or an error page that posts nothing. */
export function checkoutPage(model: Model, secret: string): Response {
  const session = checkoutBySecret(model, secret);
  if (!session) return errorPage(404, 'Checkout not found', 'This checkout link is not valid.');
  const status = checkoutStatus(model, session);
  if (status === 'expired') return errorPage(410, 'Checkout expired', 'This checkout link has expired.');
  if (status === 'completed')
    return errorPage(410, 'Checkout already completed', 'This checkout has already been paid.');
  const customer = session.customer_id ? model.state.customers.get(session.customer_id) : undefined;
  const { title, rows, due } = summary(model, session);
  const targetOrigin = originOf(session.origin_url);
  const config = {
    checkoutSessionId: session.checkout_session_id,
    targetOrigin,
    completeUrl: `/embed/checkout/${encodeURIComponent(secret)}/complete`,
  };
  const body = html`<div class="backdrop"><main class="sheet" aria-labelledby="title">
  <div class="sheet-head"><span class="brand">Lava</span><span class="badge">Emulator · test mode</span></div>
  <h1 id="title">${title}</h1>
  <section class="summary" aria-label="Order summary"><dl>${rows}</dl>
    <p class="total"><span>Due today</span><strong>${money(due)}</strong></p></section>
  <form id="pay-form" method="post" action="${config.completeUrl}" novalidate>
    ${customer ? payer(customer) : contactFields()}
    <fieldset><legend>Card</legend>
      <label>Card number<input name="card_number" inputmode="numeric" autocomplete="cc-number" required value="${TEST_DETAILS.card_number}"></label>
      <div class="row">
        <label>Expiry (MM / YY)<input name="card_expiry" autocomplete="cc-exp" required value="${TEST_DETAILS.card_expiry}"></label>
        <label>CVC<input name="card_cvc" inputmode="numeric" autocomplete="cc-csc" required value="${TEST_DETAILS.card_cvc}"></label>
      </div>
    </fieldset>
    <p id="checkout-error" class="error" role="alert" hidden></p>
    <div class="actions"><button type="button" id="cancel">Cancel</button><button type="submit" id="pay" class="primary">Pay</button></div>
  </form>
  <section id="checkout-result" class="result" role="status" hidden><h2></h2><p class="muted"></p></section>
  <footer>Served by the Lava emulator; no money moves. Card 4242 4242 4242 4242 is accepted and
    4000 0000 0000 0002 is declined.</footer>
</main></div>
<script type="application/json" id="checkout-config">${jsonForScript(config)}</script>
<script src="/_emulator/checkout.js"></script>`;
  return htmlResponse(pageShell({ title: `${title} · Lava checkout`, bodyClass: 'checkout', body }), 200, {
    // Lava: origin_url "must match the origin that embeds the iframe"; the browser enforces it here.
    frameAncestors: targetOrigin === 'null' ? "'none'" : targetOrigin,
  });
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function field(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw badRequest(`Invalid params: ${key} must be a string`, 'invalid_params');
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Checks the test card as a card form would: Luhn, a future expiry, a 3–4 digit CVC; one card is declined. */
function checkCard(model: Model, body: Record<string, unknown>): void {
  const number = (field(body, 'card_number') ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhn(number))
    throw badRequest('Your card number is not valid.', 'invalid_card_number');
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(field(body, 'card_expiry') ?? '');
  const month = Number(expiry?.[1]);
  const year = expiry?.[2]?.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry?.[2]);
  if (!expiry || month < 1 || month > 12)
    throw badRequest('Your card expiry is not valid (MM / YY).', 'invalid_expiry');
  if (Date.UTC(year, month, 1) <= model.now().getTime())
    throw badRequest('Your card has expired.', 'expired_card');
  if (!/^\d{3,4}$/.test(field(body, 'card_cvc') ?? ''))
    throw badRequest('Your card security code is not valid.', 'invalid_cvc');
  if (number === DECLINED_CARD) throw new LavaHttpError(402, 'card_declined', 'Your card was declined.');
}

/**
 * `POST /embed/checkout/{secret}/complete`: the "Pay" button. Checks the card fields, then completes the
 * session through `completeCheckoutSession`, the command behind `emulator.completeCheckout()`.
 */
export function completeFromPage(ctx: Ctx, secret: string): Response {
  const { model } = ctx;
  const session = checkoutBySecret(model, secret);
  if (!session) throw new LavaHttpError(404, 'not_found', 'This checkout link is not valid.');
  const body = ctx.body();
  checkCard(model, body);
  const isNew = !session.customer_id;
  const phone = field(body, 'phone');
  if (isNew && !phone) throw badRequest('Enter a phone number.', 'invalid_params');
  const name = field(body, 'name');
  const email = field(body, 'email');
  const customerId = completeCheckoutSession(model, session.checkout_session_id, {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  });
  return json({ checkout_session_id: session.checkout_session_id, customer_id: customerId });
}
