// Checkout sessions (lava-api.md §2.1). The hosted checkout page for a session's token is served by
// `pages/checkoutPage.ts`; tests can also complete a session directly with `emulator.completeCheckout()`.
import type { Ctx, Route } from '../context';
import { badRequest, json, notFound } from '../http';
import { newId, randomString } from '../ids';
import type { CheckoutSessionRecord } from '../store';
import { isHttpUrl, optionalString, requireEnum, requireString } from '../validate';
import { findCustomer } from '../views';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function checkoutBody(s: CheckoutSessionRecord): Record<string, unknown> {
  return {
    checkout_session_id: s.checkout_session_id,
    checkout_session_token: s.checkout_session_token,
    checkout_mode: s.checkout_mode,
    origin_url: s.origin_url,
    ...(s.customer_id ? { customer_id: s.customer_id } : {}),
    ...(s.plan_id ? { plan_id: s.plan_id } : {}),
    created_at: s.created_at,
    ...(s.completed_at ? { completed_at: s.completed_at } : {}),
  };
}

async function create(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const mode = requireEnum(body, 'checkout_mode', ['subscription', 'credit_bundle']);
  const origin = requireString(body, 'origin_url', 2048);
  if (!isHttpUrl(origin))
    throw badRequest('Invalid params: origin_url must be an http(s) URL', 'invalid_params');
  const customerId = optionalString(body, 'customer_id');
  const planId = optionalString(body, 'plan_id');
  const bundleId = optionalString(body, 'credit_bundle_id');
  const customer = customerId ? findCustomer(ctx.env, customerId) : undefined;
  if (customerId && !customer) throw notFound('Customer');
  if (mode === 'subscription') {
    if (!planId)
      throw badRequest('Invalid params: plan_id is required for subscription checkout', 'invalid_params');
    if (!ctx.state.plans.has(planId)) throw notFound('Plan');
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
    const bundle = ctx.state.creditBundles.get(bundleId);
    if (!bundle || bundle.deleted) throw notFound('Credit bundle');
  }
  const now = ctx.env.now();
  const secret = `css_test_${randomString(32)}`;
  const session: CheckoutSessionRecord = {
    checkout_session_id: newId('cs_', now),
    // The origin of this request, where `GET /embed/checkout/{secret}` serves the hosted page.
    checkout_session_token: base64(JSON.stringify({ secret, base: `${ctx.url.origin}/` })),
    secret,
    checkout_mode: mode,
    origin_url: origin,
    ...(mode === 'subscription' ? { plan_id: planId } : { credit_bundle_id: bundleId }),
    ...(customer ? { customer_id: customer.customer_id } : {}),
    created_at: now.toISOString(),
  };
  ctx.state.checkoutSessions.set(session.checkout_session_id, session);
  const { customer_id: _, ...shown } = checkoutBody(session);
  return json(shown);
}

export const checkoutRoutes: Route[] = [
  { method: 'POST', path: 'checkout_sessions', auth: 'secret', handler: create },
];
