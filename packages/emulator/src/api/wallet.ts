// The merchant wallet and its payment methods (lava-api.md §2.13).
import type { Ctx } from '../context';
import { json } from '../http';
import { fundWallet } from '../model/wallet';
import { formatAmount } from '../money';
import { requireDecimal, requireString } from '../validate';

const TEN = 10n * 10_000_000_000n;
const TEN_THOUSAND = 10_000n * 10_000_000_000n;

export const walletHandlers = {
  retrieveWallet: (ctx: Ctx) =>
    json({
      wallet_id: ctx.model.state.merchant.wallet_id,
      balance: formatAmount(ctx.model.state.merchant.balance),
    }),
  fundWallet(ctx: Ctx) {
    const body = ctx.body();
    const paymentMethodId = requireString(body, 'payment_method_id');
    const amount = requireDecimal(body, 'amount', { min: TEN, max: TEN_THOUSAND });
    const { payment_id, completed } = fundWallet(ctx.model, paymentMethodId, amount);
    if (!completed) {
      return json({
        status: 'requires_action',
        payment_id,
        redirect_url: `${ctx.url.origin}/3ds/${payment_id}`,
      });
    }
    return json({ status: 'completed', payment_id, balance: formatAmount(ctx.model.state.merchant.balance) });
  },
  listPaymentMethods: (ctx: Ctx) =>
    json({
      data: [...ctx.model.state.paymentMethods.values()].map(({ requires_action: _, ...method }) => method),
    }),
};
