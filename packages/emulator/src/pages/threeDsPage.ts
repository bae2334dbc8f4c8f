// The 3-D Secure step of a wallet top-up: `fundWallet` with the emulator's 3-D Secure test card answers
// `requires_action` and a `redirect_url` to this page, where the payer authenticates (a form, no script).
// Then the top-up's amount is added to the balance, which `retrieveWallet` shows.
import type { Ctx } from '../context';
import { LavaHttpError } from '../http';
import { authenticateWalletPayment } from '../model/wallet';
import { formatAmount } from '../money';
import { html, type SafeHtml } from './html';
import { sheetPage } from './pageShell';

const page = (status: number, title: string, body: SafeHtml): Response =>
  sheetPage(status, title, body, { frameAncestors: "'none'" });

/** `GET /3ds/{payment_id}`: the authentication page, or why there is nothing to authenticate. */
export function threeDsPage(ctx: Ctx): Response {
  const payment = ctx.model.state.walletPayments.get(ctx.params.payment_id ?? '');
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
    const { amount, balance } = authenticateWalletPayment(ctx.model, ctx.params.payment_id ?? '');
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
