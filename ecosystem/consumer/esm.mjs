// A user's ESM script, run by smoke.mjs in a fresh npm project that installed the packed tarballs (Node,
// then Deno and Bun on the same install). It serves its own emulator from @lava-sdk/emulator/server and
// walks the monetization flow with the functions and with the drop-in class. Prints one line; exits 1 on
// the first mismatch.
import { collectAll, createLava, isLavaError, LavaError, paginate } from '@lava-sdk/core';
import { createCustomer, listCustomers, retrieveCustomer, updateCustomer } from '@lava-sdk/customers';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { startEmulator } from '@lava-sdk/emulator/server';
import { gateway, generateForwardToken } from '@lava-sdk/gateway';
import { createMeter } from '@lava-sdk/meters';
import { createRequest, listRequests } from '@lava-sdk/requests';
import { createPlan, createSubscription } from '@lava-sdk/subscriptions';
import { constructWebhookEvent, signWebhookPayload } from '@lava-sdk/webhooks';
import { Lava, login } from 'lava-sdk';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const check = (ok, what) => {
  if (!ok) throw new Error(what);
};
const must = async (result, what) => {
  const r = await result;
  if (r.isErr()) throw new Error(`${what}: ${r.error.kind}: ${r.error.message}`);
  return r.value;
};

const local = await startEmulator();
try {
  const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.baseUrl, maxRetries: 0 });

  const meter = await must(
    createMeter(lava, {
      name: 'Chat tokens',
      meter_slug: 'chat',
      rate_type: 'fixed',
      tier_type: 'tokens_1m',
      tiers: [{ start: '0', rate: '10' }],
    }),
    'createMeter',
  );
  const plan = await must(
    createPlan(lava, {
      name: 'Free',
      period_amount: '0',
      billing_interval: 'month',
      included_credit: '5.00',
      meter_ids: [meter.meter_id],
    }),
    'createPlan',
  );
  const ids = [];
  for (const n of [1, 2, 3]) {
    const c = await must(
      createCustomer(lava, { reference_id: `user_${n}`, email: `u${n}@example.com` }),
      'createCustomer',
    );
    ids.push(c.customer_id);
  }
  await must(createSubscription(lava, { customer_id: ids[0], plan_id: plan.plan_id }), 'createSubscription');
  const updated = await must(updateCustomer(lava, ids[0], { name: 'Ada Lovelace' }), 'updateCustomer');
  check(updated.contact.first_name === 'Ada', 'updateCustomer did not change the name');
  check(
    (await must(retrieveCustomer(lava, 'user_1'), 'retrieveCustomer')).customer_id === ids[0],
    'retrieve by reference_id',
  );

  const walked = [];
  // paginate yields a Result per item (and ends with one Err if a page fails).
  for await (const item of paginate(listCustomers, lava, { limit: 2 })) {
    if (item.isErr()) throw item.error;
    walked.push(item.value.customer_id);
  }
  check(walked.length === 3 && new Set(walked).size === 3, `paginate saw ${walked.length} customers`);
  check(
    (await must(collectAll(listCustomers, lava, {}, { max: 10 }), 'collectAll')).length === 3,
    'collectAll',
  );

  await must(
    createRequest(lava, {
      request_id: 'job_1',
      customer_id: ids[0],
      meter_slug: 'chat',
      input_tokens: 1000,
      output_tokens: 500,
    }),
    'createRequest',
  );
  const requests = await must(listRequests(lava, { customer_id: ids[0] }), 'listRequests');
  check(
    requests.data.some((r) => r.request_id === 'job_1'),
    'listRequests lacks job_1',
  );

  const completion = await must(
    gateway(lava, 'https://api.openai.com/v1/chat/completions', {
      customer_id: ids[0],
      meter_slug: 'chat',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] },
    }),
    'gateway',
  );
  check(typeof completion.choices?.[0]?.message?.content === 'string', 'gateway answer has no message');
  const token = generateForwardToken(lava, { customer_id: ids[0], meter_slug: 'chat' });
  check(JSON.parse(atob(token)).customer_id === ids[0], 'forward token does not decode');

  // Errors are values with a kind; LavaError narrows with instanceof.
  const missing = await retrieveCustomer(lava, 'con_missing');
  check(
    missing.isErr() && missing.error instanceof LavaError && missing.error.kind === 'api',
    'missing customer',
  );
  check(missing.error.status === 404 && isLavaError(missing.error), '404 is an api LavaError');
  const bad = await createCustomer(lava, { email: 'not an email' });
  check(bad.isErr() && bad.error.kind === 'invalid_params', 'a bad email is invalid_params');

  // The drop-in class: Promises, throws LavaError.
  const client = new Lava(EMULATOR_SECRET_KEY, { baseUrl: local.baseUrl });
  const page = await client.customers.list({ limit: 10 });
  check(page.data.length === 3, `Lava.customers.list gave ${page.data.length}`);
  const thrown = await client.customers.retrieve('con_missing').then(
    () => undefined,
    (e) => e,
  );
  check(
    thrown instanceof LavaError && thrown.kind === 'api' && thrown.status === 404,
    'Lava class throws LavaError',
  );

  const body = JSON.stringify({ event: 'customer.deleted', data: { customer_id: ids[2] } });
  const event = await must(
    constructWebhookEvent(body, await signWebhookPayload(body, 'whsec_test'), 'whsec_test'),
    'webhook',
  );
  check(event.event === 'customer.deleted', 'webhook event');

  // Node, Deno and Bun resolve @lava-sdk/auth's `node` condition: the real login, which serves its
  // callback on 127.0.0.1 and here times out (no browser comes back). The edge build would answer `config`.
  const loggedIn = await login({ appBaseUrl: 'http://127.0.0.1:9', openBrowser: () => {}, timeoutMs: 150 });
  check(
    loggedIn.isErr() && loggedIn.error.kind === 'timeout',
    `login() gave ${loggedIn.isErr() && loggedIn.error.kind}`,
  );

  console.log(
    `${runtime} ESM: 3 customers, plan, subscription, usage, gateway, paginate, errors, Lava class, webhook, real login ok`,
  );
} finally {
  await local.stop();
}
