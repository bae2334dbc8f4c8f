/**
 * Keep your provider SDK, bill through Lava: the official `openai` client on its default base URL, with
 * `gatewayFetch` as its fetch. Runs offline against a local emulator unless LAVA_SECRET_KEY is set.
 *
 *   node --import tsx examples/provider-sdk.ts
 */
import { startEmulator } from '@lava-sdk/emulator/server';
import { createLava, createMeter, gatewayFetch, lavaErrorOf } from 'lava-sdk';
import OpenAI from 'openai';

async function main(): Promise<void> {
  const local = process.env.LAVA_SECRET_KEY ? undefined : await startEmulator();
  const lava = createLava(local && { secretKey: local.emulator.seed.secretKey, baseUrl: local.baseUrl });
  try {
    const meter = (
      await createMeter(lava, {
        name: 'Chat tokens',
        rate_type: 'fixed',
        tier_type: 'tokens_1m',
        tiers: [{ start: '0', rate: '5' }],
      })
    )._unsafeUnwrap();

    // The API key is never sent: Lava gets a forward token. This one prices the call with the meter and
    // the merchant pays; add `customer_id` to bill a customer's plan credits instead.
    const openai = new OpenAI({
      apiKey: 'unused',
      maxRetries: 0,
      fetch: gatewayFetch(lava, { meter_slug: meter.meter_slug, metadata: { feature: 'example' } }),
    });
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello through Lava' }],
      stream: true,
    });
    for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
    process.stdout.write('\n');
  } catch (error) {
    // Lava's own refusal (no credit, a bad token) or undefined when the provider refused.
    const refused = lavaErrorOf(error);
    console.error(refused ? `Lava refused: ${refused.message}` : error);
    process.exitCode = 1;
  } finally {
    await local?.stop();
  }
}

await main();
