// The merchant wallet (lava-api.md §2.13): funding with a payment method; one test card needs 3-D Secure.
import { notFound } from '../http';
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
  if (method.requires_action) return { payment_id, completed: false };
  state.merchant.balance += amount;
  return { payment_id, completed: true };
}
