// A strict user's file, type-checked by smoke.mjs against the installed tarballs: strict,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess and skipLibCheck off, under node16 resolution (as
// strict.mts and strict.cts, so both the .d.ts and the .d.cts types) and bundler resolution (strict.ts).
// It is never run: it uses the public API the way an application does, and must compile.
// No top-level await, so the same text is valid CommonJS.
import { type Credentials, exchangeAuthCode, login } from '@lava-sdk/auth';
import { createCheckoutSession } from '@lava-sdk/checkout-sessions';
import {
  type CallOptions,
  collectAll,
  createLava,
  isLavaError,
  type LavaClient,
  LavaError,
  type LavaOptions,
  PRODUCTION_BASE_URL,
  paginate,
  requestIdOf,
} from '@lava-sdk/core';
import { listCreditBundles, retrieveCreditBundle } from '@lava-sdk/credit-bundles';
import {
  type CreateCustomerParams,
  type Customer,
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} from '@lava-sdk/customers';
import { createEmulator, EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, startEmulator } from '@lava-sdk/emulator/server';
import { forwardUrl, gateway, gatewayStream, generateForwardToken, rewriteUrl } from '@lava-sdk/gateway';
import { createMeter, listMeters, updateMeter } from '@lava-sdk/meters';
import { listModels } from '@lava-sdk/models';
import { listPaymentMethods } from '@lava-sdk/payment-methods';
import { providers, providerUrl, providerUrls } from '@lava-sdk/providers';
import { createRequest, listRequests, retrieveRequest } from '@lava-sdk/requests';
import { createSecretKey, deleteSecretKey, listSecretKeys } from '@lava-sdk/secret-keys';
import { listServices } from '@lava-sdk/services';
import { createSpendKey, revokeSpendKey, rotateSpendKey, updateSpendKey } from '@lava-sdk/spend-keys';
import {
  cancelSubscription,
  createPlan,
  createSubscription,
  listPlans,
  listSubscriptions,
  updateSubscription,
} from '@lava-sdk/subscriptions';
import { retrieveUsage } from '@lava-sdk/usage';
import { fundWallet, retrieveWallet } from '@lava-sdk/wallet';
import {
  constructWebhookEvent,
  createWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from '@lava-sdk/webhooks';
import { Lava } from 'lava-sdk';

/** Every error kind, handled: the switch must stay exhaustive (`never` below). */
export function describeError(error: LavaError): string {
  switch (error.kind) {
    case 'api':
      return `${error.status} ${error.code ?? '-'} ${error.requestId ?? '-'} retry in ${error.retryAfterMs ?? 0} ms`;
    case 'invalid_params':
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    case 'invalid_response':
      return `${error.status}: ${error.issues.length} issues`;
    case 'timeout':
      return `no answer in ${error.timeoutMs} ms after ${error.attempts} attempts`;
    case 'network':
      return `${error.message} after ${error.attempts} attempts`;
    case 'aborted':
    case 'config':
      return error.message;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export async function billing(env: { LAVA_SECRET_KEY: string }, signal: AbortSignal): Promise<string[]> {
  const options: LavaOptions = { secretKey: env.LAVA_SECRET_KEY, timeoutMs: 10_000, maxRetries: 2 };
  const lava: LavaClient = createLava(options);
  const call: CallOptions = { signal, idempotencyKey: 'order-42', headers: { 'x-trace': '1' } };
  const lines: string[] = [PRODUCTION_BASE_URL];

  const params: CreateCustomerParams = {
    reference_id: 'user_42',
    email: 'ada@example.com',
    metadata: { tier: 'pro' },
  };
  const created = await createCustomer(lava, params, call);
  if (created.isErr()) return [describeError(created.error)];
  const customer: Customer = created.value;
  const email: string | null | undefined = customer.contact.email;
  lines.push(customer.customer_id, email ?? '', requestIdOf(customer) ?? '');

  const retrieved = await retrieveCustomer(lava, customer.customer_id);
  retrieved.match(
    (c) => lines.push(c.reference_id ?? 'no reference'),
    (e) => lines.push(describeError(e)),
  );
  await updateCustomer(lava, customer.customer_id, { name: 'Ada Lovelace', metadata: null });
  const page = await listCustomers(lava, { limit: 10 });
  if (page.isOk()) {
    const first = page.value.data[0]; // noUncheckedIndexedAccess: Customer | undefined
    lines.push(first?.customer_id ?? 'empty', String(page.value.has_more), page.value.next_cursor ?? 'end');
  }
  // Every page of a list (a Result per item), and a capped array of one.
  for await (const item of paginate(listCustomers, lava, { limit: 100 })) {
    if (item.isOk()) lines.push(item.value.customer_id);
  }
  const all = await collectAll(listMeters, lava, {}, { max: 1000 });
  if (all.isOk()) lines.push(`${all.value.length} meters`);
  // A typo in a response field does not compile.
  if (page.isOk()) {
    // @ts-expect-error: `custmer_id` is not a field of Customer
    lines.push(String(page.value.data[0]?.custmer_id));
  }
  const subscription = await getCustomerSubscription(lava, customer.customer_id);
  if (subscription.isOk() && subscription.value.subscription)
    lines.push(subscription.value.subscription.status);

  const meter = await createMeter(lava, {
    name: 'Chat tokens',
    rate_type: 'fixed',
    tier_type: 'tokens_1m',
    tiers: [
      { start: '0', rate: '10' },
      { start: '1000000', rate: '5' },
    ],
  });
  if (meter.isOk()) {
    lines.push(meter.value.meter_slug);
    await updateMeter(lava, meter.value.meter_id, { name: 'Chat' });
  }
  const plan = await createPlan(lava, { name: 'Free', period_amount: '0', billing_interval: 'month' });
  if (plan.isOk()) {
    const sub = await createSubscription(lava, {
      customer_id: customer.customer_id,
      plan_id: plan.value.plan_id,
    });
    if (sub.isOk()) {
      await updateSubscription(lava, sub.value.subscription.subscription_id, { auto_top_up_bundle_id: null });
      await cancelSubscription(lava, sub.value.subscription.subscription_id);
    }
  }
  await listPlans(lava);
  await listSubscriptions(lava, { customer_id: customer.customer_id });
  await createCheckoutSession(lava, {
    checkout_mode: 'subscription',
    origin_url: 'https://app.example.com',
    plan_id: 'pl_1',
  });
  await listCreditBundles(lava);
  await retrieveCreditBundle(lava, 'cb_1');

  const usage = await createRequest(lava, {
    request_id: 'job_42',
    customer_id: customer.customer_id,
    meter_slug: 'chat-tokens',
    input_tokens: 120,
    output_tokens: 80,
    metadata: { feature: 'chat' },
  });
  if (usage.isOk()) lines.push(usage.value.request_id);
  await listRequests(lava, { customer_id: customer.customer_id, limit: 5 });
  await retrieveRequest(lava, 'job_42');
  await retrieveUsage(lava, { start: '2026-01-01T00:00:00Z' });

  const wallet = await retrieveWallet(lava);
  if (wallet.isOk()) lines.push(String(wallet.value));
  await fundWallet(lava, { payment_method_id: 'pm_1', amount: '25.00' });
  await listPaymentMethods(lava);
  await listModels(lava);
  await listServices(lava);

  const key = await createSecretKey(lava, { name: 'ci' });
  if (key.isOk()) await deleteSecretKey(lava, key.value.secret_key_id);
  await listSecretKeys(lava);
  const spend = await createSpendKey(lava, {
    name: 'agent',
    spend_limit: { amount: '10.00', cycle: 'monthly' },
    rate_limit: { rpm: 60, burst: null },
    allowed_models: ['gpt-4o-mini'],
  });
  if (spend.isOk()) {
    await updateSpendKey(lava, spend.value.spend_key_id, { name: 'agent 2' });
    await rotateSpendKey(lava, spend.value.spend_key_id);
    await revokeSpendKey(lava, spend.value.spend_key_id);
  }
  const hook = await createWebhook(lava, { name: 'billing', url: 'https://app.example.com/hooks' });
  if (hook.isOk()) lines.push(hook.value.webhook_secret);
  await deleteCustomer(lava, customer.customer_id);
  return lines;
}

export async function ai(lava: LavaClient, customerId: string): Promise<string> {
  const token: string = generateForwardToken(lava, { customer_id: customerId, meter_slug: 'chat' });
  const url: string = forwardUrl(lava, 'https://api.openai.com/v1/chat/completions');
  const rewrite: string = rewriteUrl(lava, 'openai', 'https://api.anthropic.com/v1/messages');
  const openai: string = providerUrl(lava, 'openai');
  const names: readonly string[] = Object.keys(providers);
  const urls = providerUrls(lava);
  const answer = await gateway<{ choices: { message: { content: string } }[] }>(
    lava,
    'https://api.openai.com/v1/chat/completions',
    { body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }, customer_id: customerId },
  );
  const content = answer.isOk()
    ? (answer.value.choices[0]?.message.content ?? '')
    : describeError(answer.error);
  const stream = await gatewayStream(lava, 'https://api.openai.com/v1/chat/completions', {
    body: { model: 'gpt-4o-mini', stream: true, messages: [] },
  });
  let events = 0;
  if (stream.isOk()) for await (const event of stream.value) events += event.data.length > 0 ? 1 : 0;
  return [token, url, rewrite, openai, names.length, Object.keys(urls).length, content, events].join(' ');
}

export async function webhook(request: Request, secret: string): Promise<Response> {
  const body = await request.text();
  const signature = request.headers.get(WEBHOOK_SIGNATURE_HEADER);
  const verified = await verifyWebhookSignature(body, signature, secret);
  if (verified.isErr()) return new Response(verified.error.message, { status: 400 });
  const event = await constructWebhookEvent(body, signature, secret);
  if (event.isErr()) return new Response(describeError(event.error), { status: 400 });
  switch (event.value.event) {
    case 'customer.deleted':
      return new Response(`gone: ${event.value.data.customer_id}`);
    default:
      return new Response(event.value.event);
  }
}

export async function dropIn(): Promise<string> {
  const lava = new Lava(); // LAVA_SECRET_KEY
  try {
    const page = await lava.customers.list({ limit: 5 });
    const customer = await lava.customers.retrieve(page.data[0]?.customer_id ?? 'con_1');
    const { subscription } = await lava.customers.getSubscription(customer.customer_id);
    await lava.requests.create({ request_id: 'r1', customer_id: customer.customer_id, meter_slug: 'chat' });
    const token: string = lava.generateForwardToken({
      customer_id: customer.customer_id,
      meter_slug: 'chat',
    });
    const webhook = await lava.webhooks.create({ name: 'hooks', url: 'https://app.example.com/hooks' });
    return [subscription?.status ?? 'none', token, webhook.webhook_secret, lava.providers.openai].join(' ');
  } catch (error) {
    if (error instanceof LavaError) return describeError(error);
    if (isLavaError(error)) return error.kind;
    throw error;
  }
}

export async function auth(code: string): Promise<Credentials | string> {
  const exchanged = await exchangeAuthCode({ code, baseUrl: 'https://api.lava.so/v1/' }, { timeoutMs: 5000 });
  if (exchanged.isOk()) return exchanged.value;
  const result = await login({ timeoutMs: 60_000, openBrowser: (url) => void url });
  const viaClass: Credentials = await Lava.login({ baseUrl: 'https://www.lava.so' });
  return result.isOk() ? result.value.secret_key : `${describeError(result.error)} ${viaClass.account_id}`;
}

export async function emulated(): Promise<number> {
  const local: RunningEmulator = await startEmulator({ port: 0 });
  const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.baseUrl });
  const inProcess = createEmulator();
  const res = await inProcess.handle(
    new Request('http://lava.local/v1/wallet', {
      headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
    }),
  );
  await createCustomer(lava, { email: 'ada@example.com' });
  const count = local.emulator.state.customers.size + res.status;
  await local.stop();
  return count;
}
