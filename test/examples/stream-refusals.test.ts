// examples/stream-refusals.ts against the emulator: a streamed reply when Lava accepts the call, and Lava's
// own status (402, 404) with nothing streamed when it refuses, through the openai SDK and the AI SDK.
import { listRequests } from '@lava-sdk/requests';
import { describe, expect, it } from 'vitest';
import { aiSdkChat, openaiChat } from '../../examples/stream-refusals';
import { useLocal } from './local';

const local = useLocal();
const chat = (customer_id: string, message: string) =>
  new Request('http://app.local/chat', { method: 'POST', body: JSON.stringify({ customer_id, message }) });

describe.each([
  ['openai SDK', openaiChat],
  ['AI SDK streamText', aiSdkChat],
])('%s', (_name, handler) => {
  it('streams the reply, billed to the customer', async () => {
    const { customer_id, meter_slug } = await local.customer('5.00');
    const response = await handler(local.lava, meter_slug)(chat(customer_id, 'Hello there'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Hello from the Lava emulator! You said: "Hello there"');
    const records = (await listRequests(local.lava, { customer_id }))._unsafeUnwrap().data;
    expect(records).toEqual([expect.objectContaining({ customer_id, status: 'completed' })]);
  });

  it('answers 402 with Lava’s code when the customer has no credit', async () => {
    const { customer_id, meter_slug } = await local.customer('0');
    const response = await handler(local.lava, meter_slug)(chat(customer_id, 'Hello'));
    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({ code: 'insufficient_balance' });
  });

  it('answers 404 when Lava does not know the customer', async () => {
    const { meter_slug } = await local.customer('5.00');
    const response = await handler(local.lava, meter_slug)(chat('con_nobody', 'Hello'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/customer/i) });
  });
});
