// Checkout sessions (lava-api.md §2.1). The hosted page for a session's token is served by
// pages/checkoutPage.ts; tests can also complete a session with `emulator.completeCheckout()`.
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import { openCheckoutSession } from '../model/checkout';
import { isHttpUrl, optionalString, requireEnum, requireString } from '../validate';
import { checkoutBody, findCustomer } from '../views';

export const checkoutHandlers = {
  createCheckoutSession(ctx: Ctx) {
    const body = ctx.body();
    const mode = requireEnum(body, 'checkout_mode', ['subscription', 'credit_bundle']);
    const origin = requireString(body, 'origin_url', 2048);
    if (!isHttpUrl(origin))
      throw badRequest('Invalid params: origin_url must be an http(s) URL', 'invalid_params');
    const customerId = optionalString(body, 'customer_id');
    const planId = optionalString(body, 'plan_id');
    const bundleId = optionalString(body, 'credit_bundle_id');
    const customer = customerId ? findCustomer(ctx.model, customerId) : undefined;
    if (customerId && !customer) throw notFound('Customer');
    if (mode === 'subscription') {
      if (!planId)
        throw badRequest('Invalid params: plan_id is required for subscription checkout', 'invalid_params');
      if (!ctx.model.state.plans.has(planId)) throw notFound('Plan');
    } else {
      if (!customer)
        throw badRequest(
          'Invalid params: customer_id is required for credit_bundle checkout',
          'invalid_params',
        );
      if (!bundleId)
        throw badRequest(
          'Invalid params: credit_bundle_id is required for credit_bundle checkout',
          'invalid_params',
        );
      const bundle = ctx.model.state.creditBundles.get(bundleId);
      if (!bundle || bundle.deleted) throw notFound('Credit bundle');
    }
    const session = openCheckoutSession(ctx.model, {
      checkout_mode: mode,
      origin_url: origin,
      customer_id: customer?.customer_id,
      plan_id: planId,
      credit_bundle_id: bundleId,
      // The origin of this request serves the hosted page.
      pageBase: `${ctx.url.origin}/`,
    });
    const { customer_id: _, ...shown } = checkoutBody(session);
    return json(shown);
  },
};
