// A local Lava for the examples' tests: the emulator's HTTP server on 127.0.0.1, and customers made through
// the SDK's own functions, as an application would make them.
import { createLava, type LavaClient } from '@lava-sdk/core';
import { createCustomer } from '@lava-sdk/customers';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from '@lava-sdk/emulator/server';
import { createMeter } from '@lava-sdk/meters';
import { createPlan, createSubscription } from '@lava-sdk/subscriptions';
import { afterAll, beforeAll } from 'vitest';

export interface Local {
  running: RunningEmulator;
  lava: LavaClient;
  /** A meter, and a customer on a free plan with `credit` of included credit (USD). */
  customer(credit: string): Promise<{ customer_id: string; meter_slug: string }>;
}

/** One emulator server per test file. */
export function useLocal(options: StartEmulatorOptions = {}): Local {
  const local = {} as Local;
  beforeAll(async () => {
    local.running = await startEmulator(options);
    local.lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: local.running.baseUrl });
  });
  afterAll(() => local.running.stop());
  local.customer = async (credit) => {
    const { lava } = local;
    const meter = (
      await createMeter(lava, {
        name: 'Chat tokens',
        rate_type: 'fixed',
        tier_type: 'tokens_1m',
        tiers: [{ start: '0', rate: '10' }],
      })
    )._unsafeUnwrap();
    const plan = (
      await createPlan(lava, {
        name: `Free ${credit}`,
        period_amount: '0',
        billing_interval: 'month',
        included_credit: credit,
        meter_ids: [meter.meter_id],
      })
    )._unsafeUnwrap();
    const customer = (await createCustomer(lava, { email: 'ada@example.com' }))._unsafeUnwrap();
    (
      await createSubscription(lava, { customer_id: customer.customer_id, plan_id: plan.plan_id })
    )._unsafeUnwrap();
    return { customer_id: customer.customer_id, meter_slug: meter.meter_slug };
  };
  return local;
}
