/**
 * A Node script using the drop-in `Lava` class of `lava-sdk`: the code of an `@lavapayments/nodejs`
 * integration, with only the import changed. Methods return Promises and throw a `LavaError`.
 *
 *   LAVA_SECRET_KEY=aks_test_… LAVA_METER_SLUG=chat node --import tsx examples/node-script.ts
 *
 * `LAVA_BASE_URL` points it elsewhere (e.g. a local emulator).
 */
import { isLavaError, Lava, listCustomers, paginate } from 'lava-sdk';

const meterSlug = process.env.LAVA_METER_SLUG ?? 'chat';

async function main(): Promise<void> {
  const lava = new Lava(); // reads LAVA_SECRET_KEY; a `config` LavaError when it is missing

  // Customers and their credit, exactly as with the official SDK.
  const customer = await lava.customers.create({ reference_id: 'user_42', email: 'ada@example.com' });
  const { subscription } = await lava.customers.getSubscription(customer.customer_id);
  console.log(`${customer.customer_id}: ${subscription?.credits.total_remaining ?? 'no'} credits left`);

  // One gateway call billed to the customer through the meter.
  if (subscription) {
    const completion = await lava.gateway<{ choices: { message: { content: string } }[] }>(
      'https://api.openai.com/v1/chat/completions',
      {
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] },
        customer_id: customer.customer_id,
        meter_slug: meterSlug,
      },
    );
    console.log('reply:', completion.choices[0]?.message.content);
  }

  // Or mint a forward token and call the provider URL yourself (e.g. to stream).
  const token = lava.generateForwardToken({ customer_id: customer.customer_id, meter_slug: meterSlug });
  console.log('forward to', lava.providers.openai, 'with a token of', token.length, 'characters');

  // Usage over the last day.
  const usage = await lava.usage.retrieve({ start: new Date(Date.now() - 86_400_000).toISOString() });
  console.log(`${usage.totals.total_requests} requests, ${usage.totals.total_charge} charged`);

  // The standalone functions take the same client: every customer, page after page.
  let count = 0;
  for await (const item of paginate(listCustomers, lava.client, { limit: 100 })) {
    if (item.isErr()) throw item.error;
    count++;
  }
  console.log(`${count} customers`);

  // Per-call options come last on every method.
  await lava.customers.retrieve(customer.customer_id, { timeoutMs: 5_000, maxRetries: 0 });
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  if (!isLavaError(error)) throw error;
  switch (error.kind) {
    case 'config':
      return console.error('Set LAVA_SECRET_KEY:', error.message);
    case 'api':
      return console.error(
        `Lava said ${error.status} (${error.code ?? 'no code'}), request ${error.requestId}`,
      );
    case 'invalid_params':
      return console.error('Bad params:', error.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    default:
      return console.error(error.kind, error.message);
  }
});
