/**
 * Two options of the local Lava for tests (`@lava-sdk/emulator`), each a function that starts its own
 * emulator on 127.0.0.1 and stops it:
 * - `streamDelayMs`: the fake providers' streamed answers wait that long between events, so a test can
 *   leave a stream halfway, as a user closing the page would;
 * - webhook delivery: the emulator POSTs each event to every URL registered with `createWebhook`, signed
 *   as Lava signs it, so a test can run the app's real webhook endpoint.
 * The README's "A local Lava for your tests" shows them; test/examples/emulator-options.test.ts runs them.
 *
 *   node --import tsx examples/emulator-options.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLava } from '@lava-sdk/core';
import { createCustomer } from '@lava-sdk/customers';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { startEmulator } from '@lava-sdk/emulator/server';
import { gatewayStream } from '@lava-sdk/gateway';
import { createMeter } from '@lava-sdk/meters';
import { constructWebhookEvent, createWebhook } from '@lava-sdk/webhooks';

/** Reads three events of a streamed chat answer, then leaves: returns how many it read, and in how long. */
export async function leaveAStreamHalfway(): Promise<{ events: number; ms: number }> {
  // #region stream-delay
  const local = await startEmulator({ streamDelayMs: 20 }); // 20 ms between the events of a streamed answer
  const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.baseUrl });
  const meter = await createMeter(lava, {
    name: 'Chat tokens',
    rate_type: 'fixed',
    tier_type: 'tokens_1m',
    tiers: [{ start: '0', rate: '10' }],
  });
  const started = performance.now();
  const stream = await gatewayStream(lava, 'https://api.openai.com/v1/chat/completions', {
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me a long story' }] },
    meter_slug: meter._unsafeUnwrap().meter_slug,
  });
  let events = 0;
  for await (const _event of stream._unsafeUnwrap()) if (++events === 3) break; // cancels the request
  const ms = performance.now() - started; // at least 2 × 20 ms
  await local.stop();
  // #endregion stream-delay
  return { events, ms };
}

/** Registers a local endpoint as a webhook, creates a customer: returns the events the endpoint verified. */
export async function receiveWebhooks(): Promise<string[]> {
  // #region webhooks
  const local = await startEmulator();
  const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.baseUrl });

  // Your webhook endpoint, verifying each delivery with the secret createWebhook returned.
  let secret = '';
  const received: string[] = [];
  const endpoint = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const event = await constructWebhookEvent(body, req.headers['x-webhook-signature'], secret);
    if (event.isOk()) received.push(`${event.value.event} ${event.value.data.customer_id}`);
    res.writeHead(event.isOk() ? 200 : 400).end();
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhooks/lava`;

  const webhook = await createWebhook(lava, { name: 'local', url });
  secret = webhook._unsafeUnwrap().webhook_secret;
  await createCustomer(lava, { email: 'ada@example.com' }); // Lava sends customer.created
  await local.emulator.settled(); // every delivery has been answered
  console.log(received); // [ 'customer.created con_…' ]
  // local.emulator.state.deliveries holds each delivery: its body, signature and the endpoint's status.
  endpoint.close();
  await local.stop();
  // #endregion webhooks
  return received;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('stream left halfway:', await leaveAStreamHalfway());
  console.log('webhooks received:', await receiveWebhooks());
}
