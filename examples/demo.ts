// The full monetization flow, end to end: `pnpm demo`.
//
// With no LAVA_SECRET_KEY it starts a local Lava (the @lava-sdk/emulator) in-process on 127.0.0.1, so it
// needs no account and no network. With LAVA_SECRET_KEY (and optionally LAVA_BASE_URL) set, the same
// script runs against your real Lava account instead: use a sandbox key (aks_test_…).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava, type LavaClient, type LavaError } from '@lava-sdk/core';
import { createCustomer, getCustomerSubscription } from '@lava-sdk/customers';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, startEmulator } from '@lava-sdk/emulator/server';
import { gateway, gatewayStream, generateForwardToken } from '@lava-sdk/gateway';
import { createMeter } from '@lava-sdk/meters';
import { createRequest } from '@lava-sdk/requests';
import { createPlan, createSubscription } from '@lava-sdk/subscriptions';
import { retrieveUsage } from '@lava-sdk/usage';
import { createWebhook, deleteWebhook, verifyWebhookSignature } from '@lava-sdk/webhooks';

const OPENAI_CHAT = 'https://api.openai.com/v1/chat/completions';
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[22m` : s);
let stepNo = 0;

function step(title: string): void {
  stepNo += 1;
  console.log(`\n${bold(`${stepNo}. ${title}`)}`);
}

function show(label: string, value: unknown): void {
  console.log(`   ${label.padEnd(18)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/** What every SDK call returns (a neverthrow `ResultAsync`), as far as the demo needs it. */
interface Outcome<T> {
  match<A, B = A>(ok: (value: T) => A, err: (error: LavaError) => B): PromiseLike<A | B>;
}

/** Unwraps a result, or prints the error and exits. */
async function must<T>(result: Outcome<T>, what: string): Promise<T> {
  return result.match(
    (value) => value,
    (e) => {
      console.error(`\n✗ ${what} failed: [${e.kind}] ${e.message}`);
      return process.exit(1);
    },
  );
}

interface Delivery {
  body: string;
  signature: string | undefined;
}

/** A tiny webhook receiver on 127.0.0.1 that keeps every delivery's raw body and signature. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; close(): void }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['x-webhook-signature'];
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: Array.isArray(signature) ? signature[0] : signature,
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/lava-webhooks`, deliveries, close: () => server.close() };
}

async function main(): Promise<void> {
  const real = Boolean(process.env.LAVA_SECRET_KEY);
  let emulator: RunningEmulator | undefined;
  let lava: LavaClient;
  if (real) {
    // Against a real account: the default ('warn'), so an answer that strays from Lava's docs is still
    // used, and shown here.
    lava = createLava({
      onResponseIssues: ({ operation, issues }) =>
        console.log(dim(`   ${operation}: the response differs from Lava's docs: ${JSON.stringify(issues)}`)),
    });
    console.log(`${bold('Lava demo')} against ${lava.baseUrl} (LAVA_SECRET_KEY is set)`);
  } else {
    emulator = await startEmulator();
    // Strict against the emulator: any answer of ours that strays from the documented schemas fails the demo.
    lava = createLava({
      secretKey: EMULATOR_SECRET_KEY,
      baseUrl: emulator.baseUrl,
      responseValidation: 'strict',
    });
    console.log(`${bold('Lava demo')} against a local emulator at ${emulator.baseUrl}`);
    console.log(dim('   (set LAVA_SECRET_KEY to run the same flow against your Lava account)'));
  }
  const run = Date.now().toString(36);
  const receiver = await startReceiver();

  try {
    step('Register a webhook endpoint');
    const webhook = await must(
      createWebhook(lava, { name: `demo-${run}`, url: receiver.url }),
      'createWebhook',
    );
    show('webhook_id', webhook.webhook_id);
    show('url', webhook.url);
    show('secret', `${webhook.webhook_secret.slice(0, 10)}… (returned once, keep it safe)`);

    step('Create a meter: $10 per million tokens, $5 after the first million');
    const meter = await must(
      createMeter(lava, {
        name: 'Demo chat tokens',
        meter_slug: `demo-chat-${run}`,
        rate_type: 'fixed',
        tier_type: 'tokens_1m',
        tiers: [
          { start: '0', rate: '10' },
          { start: '1000000', rate: '5' },
        ],
      }),
      'createMeter',
    );
    show('meter_id', meter.meter_id);
    show('meter_slug', meter.meter_slug);

    step('Create a free plan with $5.00 of included credit, linked to the meter');
    const plan = await must(
      createPlan(lava, {
        name: `Demo Free ${run}`,
        period_amount: '0',
        billing_interval: 'month',
        included_credit: '5.00',
        meter_ids: [meter.meter_id],
      }),
      'createPlan',
    );
    show('plan_id', plan.plan_id);
    show('included_credit', `$${plan.included_credit} / ${plan.billing_interval}`);

    step('Create a customer');
    const customer = await must(
      createCustomer(lava, {
        reference_id: `demo_user_${run}`,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
      }),
      'createCustomer',
    );
    show('customer_id', customer.customer_id);
    show('reference_id', customer.reference_id ?? '');

    step('Subscribe the customer to the free plan');
    const { subscription } = await must(
      createSubscription(lava, { customer_id: customer.customer_id, plan_id: plan.plan_id }),
      'createSubscription',
    );
    show('subscription_id', subscription.subscription_id);
    show('credits', `$${subscription.credits.total_remaining} remaining`);

    step('Mint a forward token for this customer and meter');
    const token = generateForwardToken(lava, {
      customer_id: customer.customer_id,
      meter_slug: meter.meter_slug,
    });
    show('token', `${token.slice(0, 24)}… (${token.length} chars; base64 JSON, contains your secret key)`);
    console.log(
      dim(
        '   Or keep your provider SDK: new OpenAI({ apiKey: "unused", fetch: gatewayFetch(lava, { customer_id, meter_slug }) })',
      ),
    );

    step('Gateway: a chat completion, billed to the customer');
    const completion = await must(
      gateway<{ choices: { message: { content: string } }[]; usage: { total_tokens: number } }>(
        lava,
        OPENAI_CHAT,
        {
          customer_id: customer.customer_id,
          meter_slug: meter.meter_slug,
          body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello to Lava!' }] },
          metadata: { feature: 'demo_chat' },
        },
      ),
      'gateway',
    );
    show('reply', completion.choices[0]?.message.content ?? '');
    show('tokens', completion.usage.total_tokens);

    step('Gateway: the same, streamed (server-sent events)');
    const stream = await must(
      gatewayStream(lava, OPENAI_CHAT, {
        customer_id: customer.customer_id,
        meter_slug: meter.meter_slug,
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Stream me a short greeting' }] },
      }),
      'gatewayStream',
    );
    process.stdout.write(`   ${'streamed'.padEnd(18)} `);
    let chunks = 0;
    for await (const event of stream) {
      const delta = (event.json as { choices?: { delta?: { content?: string } }[] } | undefined)?.choices?.[0]
        ?.delta?.content;
      if (delta) {
        process.stdout.write(delta);
        chunks += 1;
      }
    }
    process.stdout.write('\n');
    show('chunks', chunks);

    step('Report usage from your own backend with createRequest');
    const reported = await must(
      createRequest(lava, {
        request_id: `demo_${run}_1`,
        customer_id: customer.customer_id,
        meter_slug: meter.meter_slug,
        input_tokens: 1200,
        output_tokens: 300,
        metadata: { feature: 'batch_job' },
      }),
      'createRequest',
    );
    show('request_id', reported.request_id);
    show(
      'charged',
      `$${reported.charge.amount} (${reported.charge.rate_type}, ${reported.model_usage.total_tokens} tokens)`,
    );

    step('Usage statistics for today');
    const today = new Date().toISOString().slice(0, 10);
    const usage = await must(
      retrieveUsage(lava, { start: today, customer_id: customer.customer_id }),
      'retrieveUsage',
    );
    show('requests', usage.totals.total_requests);
    show('tokens', usage.totals.total_usage_tokens);
    show('provider cost', `$${usage.totals.total_cost}`);
    show('charged', `$${usage.totals.total_charge}`);

    step('Remaining credits');
    const current = await must(
      getCustomerSubscription(lava, customer.customer_id),
      'getCustomerSubscription',
    );
    const credits = current.subscription?.credits;
    show('plan', current.subscription?.plan.name ?? '(none)');
    show(
      'remaining',
      credits ? `$${credits.total_remaining} of $${current.subscription?.plan.included_credit}` : '—',
    );

    step('Receive and verify the webhooks');
    if (emulator) await emulator.emulator.settled();
    else await new Promise((resolve) => setTimeout(resolve, 3_000));
    if (receiver.deliveries.length === 0) {
      console.log(
        dim('   No delivery arrived (a real Lava account cannot reach 127.0.0.1; use a public URL).'),
      );
    }
    for (const delivery of receiver.deliveries) {
      const verified = await verifyWebhookSignature(
        delivery.body,
        delivery.signature ?? null,
        webhook.webhook_secret,
      );
      const event = JSON.parse(delivery.body) as { event: string; data: { customer_id: string } };
      show(
        event.event,
        `${verified.isOk() ? '✓ signature valid' : `✗ ${verified.isErr() ? verified.error.message : ''}`} (customer ${event.data.customer_id})`,
      );
    }

    step('Clean up');
    await must(deleteWebhook(lava, webhook.webhook_id), 'deleteWebhook');
    show('webhook', 'deleted');
  } finally {
    receiver.close();
    await emulator?.stop();
  }
  console.log(`\n${bold('Done.')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
