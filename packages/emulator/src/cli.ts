#!/usr/bin/env node
// `lava-emulator [--port 4010] [--host 127.0.0.1] [--base-path /v1/] [--wallet-balance 100.00]
//   [--secret-key aks_test_…] [--cors-origin <origin>]… [--no-cors]`
import { parseArgs } from 'node:util';
import { type CorsOrigins, startEmulator } from './server';

// After SIGINT/SIGTERM the server closes every socket at once; this is only the backstop should a
// handle still hold the event loop.
const EXIT_DEADLINE_MS = 100;

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'base-path': { type: 'string' },
      'wallet-balance': { type: 'string' },
      'secret-key': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'no-cors': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  ({ values } = parse());
} catch (error) {
  console.error(`lava-emulator: ${error instanceof Error ? error.message : String(error)} (see --help)`);
  process.exit(2);
}

if (values.help) {
  console.log(`lava-emulator: a local, in-memory Lava API, with an inspector page at / and the hosted checkout

Options:
  -p, --port <n>             port (default 4010; 0 picks a free one; env LAVA_EMULATOR_PORT)
      --host <addr>          interface (default 127.0.0.1)
      --base-path <path>     path prefix of the API (default /v1/)
      --wallet-balance <usd> starting wallet balance (default 100.00)
      --secret-key <key>     the seeded secret key (must start with aks_)
      --cors-origin <origin> allow this browser origin (repeatable; * for any). Default: any origin
                             on a loopback host, none on another
      --no-cors              allow no cross-origin browser calls
  -h, --help`);
  process.exit(0);
}

const port = Number(values.port ?? process.env.LAVA_EMULATOR_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('lava-emulator: --port must be an integer between 0 and 65535');
  process.exit(2);
}

const seed: Record<string, string> = {};
if (values['wallet-balance']) seed.walletBalance = values['wallet-balance'];
if (values['secret-key']) seed.secretKey = values['secret-key'];

const origins = values['cors-origin'];
const cors: CorsOrigins | undefined = values['no-cors']
  ? false
  : origins?.includes('*')
    ? '*'
    : origins?.length
      ? origins
      : undefined;

const basePath = values['base-path'];
startEmulator({ port, host: values.host ?? '127.0.0.1', seed, cors, ...(basePath ? { basePath } : {}) }).then(
  (running) => {
    console.log(`Lava emulator listening on ${running.url}

  Inspector: ${running.url}/

  LAVA_BASE_URL=${running.baseUrl}
  LAVA_SECRET_KEY=${running.emulator.seed.secretKey}

Forward proxy: ${running.baseUrl}forward?u=https://api.openai.com/v1
Hosted checkout: ${running.url}/embed/checkout/{secret}, opened by @lavapayments/checkout from a session token
Press Ctrl+C to stop.`);
    let stopping = false;
    const stop = () => {
      // A second signal while stopping exits at once.
      if (stopping) process.exit(130);
      stopping = true;
      setTimeout(() => process.exit(0), EXIT_DEADLINE_MS);
      running.stop().finally(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`lava-emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
