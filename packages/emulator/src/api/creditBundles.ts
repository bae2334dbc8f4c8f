// Credit bundles (lava-api.md §2.8); created and edited through the plan endpoints.
import type { Ctx } from '../context';
import { json, notFound } from '../http';
import { newestFirst, page } from '../pagination';
import { creditBundleBody } from '../views';

export const creditBundleHandlers = {
  listCreditBundles(ctx: Ctx) {
    const planId = ctx.query.get('plan_id');
    const bundles = newestFirst(ctx.model.state.creditBundles.values()).filter(
      (b) => !b.deleted && (!planId || b.plan_id === planId),
    );
    return json(page(bundles, (b) => b.credit_bundle_id, creditBundleBody, ctx.query, 10));
  },
  retrieveCreditBundle(ctx: Ctx) {
    const bundle = ctx.model.state.creditBundles.get(ctx.params.credit_bundle_id ?? '');
    if (!bundle || bundle.deleted) throw notFound('Credit bundle');
    return json(creditBundleBody(bundle));
  },
};
