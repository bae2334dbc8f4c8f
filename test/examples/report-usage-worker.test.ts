// examples/report-usage-worker.ts's fetch handler against the emulator: it answers at once, and the usage
// is delivered by the promise handed to waitUntil.
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { listRequests } from '@lava-sdk/requests';
import { expect, it } from 'vitest';
import worker from '../../examples/report-usage-worker';
import { useLocal } from './local';

const local = useLocal();

it('answers, then delivers the usage through waitUntil', async () => {
  const { customer_id, meter_slug } = await local.customer('5.00');
  const pending: Promise<unknown>[] = [];
  const env = {
    LAVA_SECRET_KEY: EMULATOR_SECRET_KEY,
    LAVA_BASE_URL: local.running.baseUrl,
    LAVA_METER_SLUG: meter_slug,
  };
  const text = 'Lava bills usage. The rest is detail.';
  const response = await worker.fetch(
    new Request('https://worker.example/summarize', {
      method: 'POST',
      body: JSON.stringify({ customer_id, text }),
    }),
    env,
    { waitUntil: (promise) => pending.push(promise) },
  );
  expect(await response.json()).toEqual({ summary: 'Lava bills usage.' });
  expect(pending).toHaveLength(1);
  await Promise.all(pending);
  const records = (await listRequests(local.lava, { customer_id }))._unsafeUnwrap().data;
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ customer_id, metadata: { feature: 'summarize' } });
});
