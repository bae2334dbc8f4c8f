// The emulator in-process through msw: same handler, no socket.
import { createLava } from '@lava-sdk/core';
import { createCustomer, listCustomers } from '@lava-sdk/customers';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, EMULATOR_SECRET_KEY } from '../src/index';
import { emulatorHandlers } from '../src/msw';

const emulator = createEmulator();
const server = setupServer(...emulatorHandlers(emulator, 'https://api.lava.so/v1/'));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('emulatorHandlers', () => {
  it('serves the SDK in-process at the production URL', async () => {
    const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: 'https://api.lava.so/v1/' });
    const created = (await createCustomer(lava, { reference_id: 'in_process' }))._unsafeUnwrap();
    expect(emulator.state.customers.get(created.customer_id)?.reference_id).toBe('in_process');
    expect((await listCustomers(lava))._unsafeUnwrap().data).toHaveLength(1);
    emulator.reset();
    expect(emulator.state.customers.size).toBe(0);
  });

  it('does not import node:* in the handler modules', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const root = new URL('../src/', import.meta.url);
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual(expect.arrayContaining(['pipeline.ts', 'model/model.ts', 'api/customers.ts']));
    const offenders = files.filter(
      (f) =>
        !['server.ts', 'cli.ts'].includes(f) && /from ['"]node:/.test(readFileSync(new URL(f, root), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
