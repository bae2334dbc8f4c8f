// A plain loopback server for a fault file that needs its own answers (every request target recorded,
// endless streams), beside the scenario server of harness.ts; and a client on it for the current transport.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava, type LavaClient } from '@lava-sdk/core';
import { SECRET_KEY, transportOptions } from './harness';

export interface Loopback {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** A client whose base URL is `<origin>/v1/`, no retries, on the suite's transport. */
  lava(): LavaClient;
  /** Ends every connection and stops listening. */
  close(): Promise<void>;
}

export async function startLoopback(handler: RequestListener): Promise<Loopback> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    lava: () =>
      createLava({ secretKey: SECRET_KEY, baseUrl: `${origin}/v1/`, maxRetries: 0, ...transportOptions }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
