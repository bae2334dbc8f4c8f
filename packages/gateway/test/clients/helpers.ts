// Real provider SDKs against the emulator's real HTTP server on 127.0.0.1: what Lava received and billed.
import type { GatewayFetchOptions } from '@lava-sdk/gateway';
import { gatewayFetch } from '@lava-sdk/gateway';
import { expect } from 'vitest';
import type { StartEmulatorOptions } from '../../../emulator/src/server';
import type { RequestRecord } from '../../../emulator/src/store';
import { billingFixture, type Served, useEmulator } from '../../../emulator/test/helpers';

export { api, billingFixture, forwardToken } from '../../../emulator/test/helpers';

export interface ClientEnv extends Served {
  /** Every request record, oldest first. */
  records(): RequestRecord[];
  /** A customer on a free plan with credit, and a meter: gatewayFetch billed to them. */
  customerFetch(options?: GatewayFetchOptions): Promise<{
    fetch: typeof fetch;
    customer_id: string;
    meter_id: string;
    meter_slug: string;
  }>;
  /** The one request record of the test, checked to have arrived as Lava's documented forward URL. */
  forwarded(upstream: string): RequestRecord;
}

/** One emulator server per test file, reset before each test. */
export function useClients(options: StartEmulatorOptions = {}): ClientEnv {
  const served = useEmulator(options) as ClientEnv;
  served.records = () => [...served.running.emulator.state.requests.values()];
  served.customerFetch = async (options = {}) => {
    const { meter, customer } = await billingFixture(served.baseUrl);
    const ids = { customer_id: customer.customer_id as string, meter_slug: meter.meter_slug as string };
    return { ...ids, meter_id: meter.meter_id, fetch: gatewayFetch(served.lava, { ...ids, ...options }) };
  };
  served.forwarded = (upstream) => {
    const records = served.records();
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.upstream_url).toBe(upstream);
    expect(record.raw_url).toBe(`${served.baseUrl}forward?u=${encodeURIComponent(upstream)}`);
    return record;
  };
  return served;
}

/** Waits for a condition the server reaches on its own time (a stream cancelled by the client). */
export async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
