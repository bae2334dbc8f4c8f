// The merchant wallet and its payment methods (lava-api.md §2.13).
import type { Route } from '../context';
import { json, notFound } from '../http';
import { newId } from '../ids';
import { formatAmount } from '../money';
import { requireDecimal, requireString } from '../validate';

const TEN = 10n * 10_000_000_000n;
const TEN_THOUSAND = 10_000n * 10_000_000_000n;

export const walletRoutes: Route[] = [
  {
    method: 'GET',
    path: 'wallet',
    auth: 'secret',
    handler: (ctx) =>
      json({ wallet_id: ctx.state.merchant.wallet_id, balance: formatAmount(ctx.state.merchant.balance) }),
  },
  {
    method: 'POST',
    path: 'wallet/fund',
    auth: 'secret',
    handler: async (ctx) => {
      const body = await ctx.body();
      const paymentMethodId = requireString(body, 'payment_method_id');
      const amount = requireDecimal(body, 'amount', { min: TEN, max: TEN_THOUSAND });
      const method = ctx.state.paymentMethods.get(paymentMethodId);
      if (!method) throw notFound('Payment method');
      const payment_id = newId('pay_', ctx.env.now());
      if (method.requires_action) {
        return json({
          status: 'requires_action',
          payment_id,
          redirect_url: `${ctx.baseUrl.replace(/\/v1\/$/, '/')}3ds/${payment_id}`,
        });
      }
      ctx.state.merchant.balance += amount;
      return json({ status: 'completed', payment_id, balance: formatAmount(ctx.state.merchant.balance) });
    },
  },
  {
    method: 'GET',
    path: 'payment_methods',
    auth: 'secret',
    handler: (ctx) =>
      json({
        data: [...ctx.state.paymentMethods.values()].map(({ requires_action: _, ...method }) => method),
      }),
  },
];
