// The 3-D Secure step of a wallet top-up: `fundWallet` with the emulator's 3-D Secure test card answers
// `requires_action` and a `redirect_url` to this page, where the payer authenticates (a form, no script).
// Then the top-up's amount is added to the balance, which `retrieveWallet` shows.
import type { Ctx } from '../context';
import { LavaHttpError } from '../http';
import { authenticateWalletPayment } from '../model/wallet';
import { formatAmount } from '../money';
import { html } from './html';
import { htmlResponse, pageShell } from './pageShell';

function page(status: number, title: string, body: ReturnType<typeof html>): Response {
  const sheet = html`<div class="backdrop"><main class="sheet" aria-labelledby="title">
  <div class="sheet-head"><span class="brand">Lava</span><span class="badge">Emulator · test mode</span></div>
  <h1 id="title">${title}</h1>
  ${body}
</main></div>`;
  return htmlResponse(pageShell({ title, bodyClass: 'checkout', body: sheet }), status, {
    frameAncestors: "'none'",
  });
}

/** The payment id from the raw path segment; a malformed one finds no payment. */
function paymentIdOf(ctx: Ctx): string {
  try {
    return decodeURIComponent(ctx.params.payment_id ?? '');
  } catch {
    return '';
  }
}

/** `GET /3ds/{payment_id}`: the authentication page, or why there is nothing to authenticate. */
export function threeDsPage(ctx: Ctx): Response {
  const payment = ctx.model.state.walletPayments.get(paymentIdOf(ctx));
  if (!payment) return page(404, 'Payment not found', html`<p>This authentication link is not valid.</p>`);
  if (payment.authenticated)
    return page(410, 'Already authenticated', html`<p>This payment has already been authenticated.</p>`);
  return page(
    200,
    '3-D Secure',
    html`<p>Your bank asks you to confirm a wallet top-up of <strong>$${formatAmount(payment.amount)}</strong>.</p>
  <form method="post" action="/3ds/${encodeURIComponent(payment.payment_id)}">
    <div class="actions"><button type="submit" id="authenticate" class="primary">Authenticate</button></div>
  </form>`,
  );
}

/** `POST /3ds/{payment_id}`: the payer authenticated; the amount is added to the wallet. */
export function authenticateFromPage(ctx: Ctx): Response {
  try {
    const { amount, balance } = authenticateWalletPayment(ctx.model, paymentIdOf(ctx));
    return page(
      200,
      'Payment authenticated',
      html`<p>$${formatAmount(amount)} was added to the wallet. Balance: <strong>$${formatAmount(balance)}</strong>.</p>`,
    );
  } catch (error) {
    if (!(error instanceof LavaHttpError)) throw error;
    return page(error.status, 'Payment not authenticated', html`<p>${error.message}</p>`);
  }
}
