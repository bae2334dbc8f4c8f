// The processes of bench/bullmq.ts, forked with an IPC channel, each loading the BUILT packages:
//
//   bullmq-child.ts emulator                                   the Lava emulator's HTTP server
//   bullmq-child.ts worker <backend> <url> <queue> <lavaBaseUrl> <concurrency>
//
// Each sends `{ ready, … }` once it serves; a worker answers `'cpu'` with its CPU time in µs since start.
import { pathToFileURL } from 'node:url';
import { makeWorker } from '../packages/bullmq/test/helpers/queues';
import type { Backend } from '../packages/bullmq/test/helpers/servers';

type Core = typeof import('@lava-sdk/core');
type Bullmq = typeof import('@lava-sdk/bullmq');
type Emulator = typeof import('@lava-sdk/emulator');
type EmulatorServer = typeof import('@lava-sdk/emulator/server');

const root = new URL('../', import.meta.url);
const built = <T>(name: string, entry = 'index') =>
  import(pathToFileURL(new URL(`packages/${name}/dist/${entry}.js`, root).pathname).href) as Promise<T>;
const send = (message: unknown) => process.send!(message);
const [role, ...args] = process.argv.slice(2);

if (role === 'emulator') {
  const { startEmulator } = await built<EmulatorServer>('emulator', 'server');
  const running = await startEmulator();
  process.once('disconnect', () => process.exit(0)); // the bench ended
  send({ ready: true, url: running.url, baseUrl: running.baseUrl });
} else if (role === 'worker') {
  const [backend, url, name, baseUrl, concurrency] = args as [Backend, string, string, string, string];
  const { createLava } = await built<Core>('core');
  const { usageBackoff, usageProcessor } = await built<Bullmq>('bullmq');
  const { EMULATOR_SECRET_KEY } = await built<Emulator>('emulator');
  const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl });
  const worker = makeWorker(backend, url, name, usageProcessor(lava), {
    concurrency: Number(concurrency),
    settings: { backoffStrategy: usageBackoff },
  });
  await worker.waitUntilReady();
  const cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage(cpu);
      send({ cpu: user + system });
    }
  });
  process.once('disconnect', async () => {
    await worker.close();
    process.exit(0);
  });
  send({ ready: true });
} else {
  throw new Error(`unknown role ${role}`);
}
