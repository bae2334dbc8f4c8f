// Response bodies of every endpoint the Lava class calls, shaped as lava-api.md documents them, so both
// SDKs accept them (ours validates responses). Shared billing fixtures come from test/helpers.
import { customer, page, subscriptionBase } from '../../../../test/helpers/fixtures';
import {
  checkoutSession,
  creditBundle,
  meter,
  plan,
  requestRecord,
  subscription,
  usage,
} from '../../../../test/helpers/fixtures-billing';

export const webhook = {
  webhook_id: 'wh_1',
  name: 'prod',
  url: 'https://example.com/webhooks/lava',
  created_at: '2026-01-01T00:00:00.000Z',
};

export const secretKey = {
  secret_key_id: 'sk_1',
  name: 'ci',
  secret_key_hint: 'wxyz',
  created_at: '2026-01-01T00:00:00.000Z',
};

export const spendKey = {
  spend_key_id: 'spk_1',
  key_preview: 'lava_sk_…wxyz',
  name: 'Agent Key',
  status: 'active',
  request_shape: 'openai',
  wallet_id: 'wal_1',
  allowed_models: null,
  allowed_providers: ['openai', 'anthropic'],
  spend_limit: { amount: '50.00', cycle: 'monthly' },
  current_spend: '0',
  total_spend: '0',
  request_limit: null,
  current_requests: 0,
  total_requests: 0,
  rate_limit: { rpm: 60, burst: null },
  expires_at: null,
  last_used_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
};

export const credentials = {
  wallet_id: 'wal_1',
  secret_key_id: 'sk_1',
  secret_key: 'aks_test_CREATEDbyLOGINnotreal0123456789',
  merchant_id: 'mer_1',
  account_id: 'acc_1',
};

export const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
};

const deleted = (id: string) => ({ id, deleted: true });
const success = { success: true };

/** The documented answer of `method path` (path relative to `/v1/`, decoded), or undefined for a 404. */
export function answer(method: string, path: string): unknown {
  const [resource, id, sub] = path.split('/');
  if (resource === 'forward' || resource === 'rewrite') return completion;
  if (method === 'POST' && path === 'auth/callback') return credentials;
  const one = id !== undefined;
  switch (`${method} ${resource}${one ? '/:id' : ''}${sub ? `/${sub}` : ''}`) {
    case 'POST checkout_sessions':
      return checkoutSession;
    case 'POST customers':
    case 'GET customers/:id':
    case 'PATCH customers/:id':
      return customer;
    case 'GET customers':
      return page([customer]);
    case 'DELETE customers/:id':
      return success;
    case 'GET customers/:id/subscription':
      return { subscription: subscriptionBase };
    case 'GET requests':
      return page([requestRecord], 'cursor_2');
    case 'POST requests':
    case 'GET requests/:id':
      return requestRecord;
    case 'GET usage':
      return usage;
    case 'GET plans':
      return page([plan]);
    case 'GET plans/:id':
    case 'POST plans':
    case 'PATCH plans/:id':
      return plan;
    case 'DELETE plans/:id':
      return deleted(id!);
    case 'POST subscriptions':
      return { subscription: subscriptionBase };
    case 'GET subscriptions':
      return page([subscription]);
    case 'PATCH subscriptions/:id':
    case 'DELETE subscriptions/:id':
      return success;
    case 'GET meters':
      return page([meter]);
    case 'GET meters/:id':
    case 'POST meters':
    case 'PATCH meters/:id':
      return meter;
    case 'DELETE meters/:id':
      return deleted(id!);
    case 'GET credit_bundles':
      return page([creditBundle]);
    case 'GET credit_bundles/:id':
      return creditBundle;
    case 'GET webhooks':
      return page([webhook]);
    case 'GET webhooks/:id':
    case 'PATCH webhooks/:id':
      return webhook;
    case 'POST webhooks':
      return { ...webhook, webhook_secret: 'whsec_notreal' };
    case 'DELETE webhooks/:id':
      return deleted(id!);
    case 'GET secret_keys':
      return page([secretKey]);
    case 'POST secret_keys':
      return { ...secretKey, secret_key: 'aks_test_NEWkeyNOTreal0123456789' };
    case 'DELETE secret_keys/:id':
      return deleted(id!);
    case 'GET spend_keys':
      return page([spendKey]);
    case 'GET spend_keys/:id':
    case 'PUT spend_keys/:id':
      return spendKey;
    case 'POST spend_keys':
    case 'POST spend_keys/:id/rotate':
      return { ...spendKey, key: 'lava_sk_NEWkeyNOTreal0123456789' };
    case 'DELETE spend_keys/:id':
      return success;
    case 'GET models':
      return {
        object: 'list',
        data: [{ id: 'gpt-4o-mini', object: 'model', created: 1700000000, owned_by: 'openai' }],
      };
    default:
      return undefined;
  }
}
