// One describe block per backend, each with its own real server for the block's lifetime. Without the
// servers installed, the blocks are skipped with a message; on CI (`CI` set) they fail instead.
import { afterAll, beforeAll, describe } from 'vitest';
import { prepareBackend } from './queues';
import { type Backend, missingServers, type RunningServer, startServer } from './servers';

export const BACKENDS: readonly Backend[] = ['redis', 'postgres'];

const missing = missingServers();
const skip = missing.length > 0 && !process.env.CI;
if (skip)
  console.warn(
    `[bullmq] skipped: ${missing.join(' and ')} not installed (Debian: apt-get install -y redis-server postgresql)`,
  );

/**
 * `describe.each(BACKENDS)` with the backend's server started before the block's tests and stopped after
 * them, whatever happened. `server()` is the running server inside the tests.
 */
export function describeBackends(
  name: string,
  body: (backend: Backend, server: () => RunningServer) => void,
) {
  (skip ? describe.skip : describe).each(BACKENDS)(`${name} (%s)`, (backend) => {
    let running: RunningServer | undefined;
    beforeAll(async () => {
      if (missing.length) throw new Error(`${missing.join(' and ')} not installed, and CI is set`);
      running = await startServer(backend);
      await prepareBackend(backend, running.url);
    }, 60_000);
    afterAll(async () => {
      await running?.stop();
    }, 30_000);
    body(backend, () => {
      if (!running) throw new Error(`the ${backend} server is not running`);
      return running;
    });
  });
}
