// examples/emulator-options.ts: the emulator's streamDelayMs and its webhook delivery to registered URLs,
// run as the README shows them.
import { expect, it, vi } from 'vitest';
import { leaveAStreamHalfway, receiveWebhooks } from '../../examples/emulator-options';

it('streamDelayMs spaces a streamed answer, so a client can leave it after three events', async () => {
  const { events, ms } = await leaveAStreamHalfway();
  expect(events).toBe(3);
  expect(ms).toBeGreaterThanOrEqual(40);
});

it('delivers webhooks to the registered URL, signed with the secret createWebhook returned', async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const received = await receiveWebhooks();
  expect(received).toEqual([expect.stringMatching(/^customer\.created con_\w+$/)]);
});
