// Credit bundles (lava-api.md §2.8); created and edited through the plan endpoints.
import type { Route } from '../context';
import { json, notFound } from '../http';
import { newestFirst, page } from '../pagination';
import { creditBundleBody } from '../views';

export const creditBundleRoutes: Route[] = [
  {
    method: 'GET',
    path: 'credit_bundles',
    auth: 'secret',
    handler: (ctx) => {
      const planId = ctx.query.get('plan_id');
      const bundles = newestFirst(ctx.state.creditBundles.values()).filter(
        (b) => !b.deleted && (!planId || b.plan_id === planId),
      );
      return json(page(bundles, (b) => b.credit_bundle_id, creditBundleBody, ctx.query, 10));
    },
  },
  {
    method: 'GET',
    path: 'credit_bundles/:id',
    auth: 'secret',
    handler: (ctx) => {
      const bundle = ctx.state.creditBundles.get(ctx.params.id ?? '');
      if (!bundle || bundle.deleted) throw notFound('Credit bundle');
      return json(creditBundleBody(bundle));
    },
  },
];
