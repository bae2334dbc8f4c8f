// The merchant wallet (lava-api.md §2.13): funding with a payment method; one test card needs 3-D Secure.
import { LavaHttpError, notFound } from '../http';
import { newId } from '../ids';
import { type Model, write } from './model';

/** Funds the wallet: `completed` with the new balance, or `requires_action` (nothing added yet). */
export function fundWallet(
  model: Model,
  paymentMethodId: string,
  amount: bigint,
): { payment_id: string; completed: boolean } {
  const { state } = write(model);
  const method = state.paymentMethods.get(paymentMethodId);
  if (!method) throw notFound('Payment method');
  const payment_id = newId('pay_', model.now());
  if (method.requires_action) {
    state.walletPayments.set(payment_id, { payment_id, amount, authenticated: false });
    return { payment_id, completed: false };
  }
  state.merchant.balance += amount;
  return { payment_id, completed: true };
}

/**
 * The payer passed 3-D Secure on the page `fundWallet`'s `redirect_url` opens: the top-up's amount is added.
 * Once only: a second try is a 409, an unknown payment a 404.
 */
export function authenticateWalletPayment(
  model: Model,
  paymentId: string,
): { amount: bigint; balance: bigint } {
  const { state } = write(model);
  const payment = state.walletPayments.get(paymentId);
  if (!payment) throw notFound('Payment');
  if (payment.authenticated)
    throw new LavaHttpError(409, 'conflict', 'This payment has already been authenticated.');
  payment.authenticated = true;
  state.merchant.balance += payment.amount;
  return { amount: payment.amount, balance: state.merchant.balance };
}
