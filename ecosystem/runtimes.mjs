// Runtime proof: the BUILT packages (dist, after `pnpm build`) mint a forward token, make a REST call
// (retrieveCustomer) and walk a paginated list (paginate + listCustomers) against a loopback server in
// Node ESM, Node CJS, the edge runtime (@edge-runtime/vm), workerd (miniflare, no nodejs_compat), Deno and
// Bun. One line per runtime, then `runtimes: N passed, N failed`; exits non-zero on any failure.
//
//   pnpm build && pnpm test:runtimes
//
// The runtimes (bun, deno, workerd: about 350 MB) come from this directory's own install
// (ecosystem/package.json), which `pnpm test:runtimes` runs first, so the root install stays light.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
// Generated entries live under the working directory (workerd only loads scripts from there).
const outDir = `${here}.out/runtimes/`;
const KEY = 'aks_test_RUNTIMEKEYnotreal0123456789abcdef';
const TIMEOUT_MS = 60_000;

const dist = (name, ext = 'js') => `${root}packages/${name}/dist/index.${ext}`;
for (const name of ['core', 'customers']) {
  if (!existsSync(dist(name)) || !existsSync(dist(name, 'cjs'))) {
    console.error(`packages/${name} is not built: run pnpm build first`);
    process.exit(1);
  }
}
const hasGateway = existsSync(dist('gateway')) && existsSync(dist('gateway', 'cjs'));

// What the official SDK mints for the same options: Buffer.from(JSON.stringify(…)).toString('base64').
const expectedToken = Buffer.from(
  JSON.stringify({ secret_key: KEY, customer_id: 'con_1', meter_slug: 'chat' }),
).toString('base64');

// ------------------------------------------------------------------ the probe every runtime runs

/**
 * Runs in every runtime; it must stay self-contained (it is inlined into each entry by its source text).
 * `m` holds the built modules: `{ core, customers, gateway? }`.
 */
async function probe(m, base, key, expectedToken) {
  const fail = (what) => {
    throw new Error(what);
  };
  const lava = m.core.createLava({ secretKey: key, baseUrl: base, maxRetries: 0, timeoutMs: 10_000 });
  let token = 'token skipped (gateway not built)';
  if (m.gateway) {
    const minted = m.gateway.generateForwardToken(lava, { customer_id: 'con_1', meter_slug: 'chat' });
    if (minted !== expectedToken) fail(`forward token differs from the official SDK's: ${minted}`);
    if (JSON.parse(atob(minted)).customer_id !== 'con_1') fail('forward token does not decode');
    // gatewayFetch: a provider URL becomes Lava's forward URL, the SDK's key becomes the forward token.
    const viaLava = m.gateway.gatewayFetch(lava, { customer_id: 'con_1', meter_slug: 'chat' });
    const answer = await viaLava('https://api.openai.com/v1/models?key=k', {
      headers: { 'x-api-key': 'sk' },
    });
    const seen = await answer.json();
    if (
      seen.u !== 'https://api.openai.com/v1/models' ||
      seen.auth !== `Bearer ${expectedToken}` ||
      seen.xApiKey
    )
      fail(`gatewayFetch sent ${JSON.stringify(seen)}`);
    token = 'token ok, gatewayFetch ok';
  }
  const customer = await m.customers.retrieveCustomer(lava, 'con 1/ü');
  if (customer.isErr()) fail(`retrieveCustomer: ${customer.error.kind}: ${customer.error.message}`);
  if (customer.value.customer_id !== 'con 1/ü')
    fail(`retrieveCustomer returned ${customer.value.customer_id}`);
  const ids = [];
  for await (const c of m.core.paginate(m.customers.listCustomers, lava, { limit: 2 })) {
    if (c.isErr()) fail(`paginate ended with ${c.error.kind}: ${c.error.message}`);
    ids.push(c.value.customer_id);
  }
  if (ids.join() !== 'con_1,con_2,con_3,con_4,con_5') fail(`paginate saw ${ids.join()}`);
  const missing = await m.customers.retrieveCustomer(lava, 'con_404');
  if (missing.isOk() || missing.error.kind !== 'api' || missing.error.status !== 404)
    fail('404 not an api error');
  return `${token}, retrieveCustomer ok, paginate 5 items / 3 pages ok, 404 → api error ok`;
}

// ------------------------------------------------------------------ loopback Lava

const customer = (id) => ({
  customer_id: id,
  reference_id: null,
  contact: { email: 'ada@example.com', first_name: 'Ada', last_name: null, phone: null },
  subscription: null,
  metadata: {},
  created_at: '2026-01-01T00:00:00.000Z',
});
const pages = {
  '': { data: [customer('con_1'), customer('con_2')], has_more: true, next_cursor: 'c2' },
  c2: { data: [customer('con_3'), customer('con_4')], has_more: true, next_cursor: 'c4' },
  c4: { data: [customer('con_5')], has_more: false, next_cursor: null },
};

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-lava-request-id': 'req_rt' });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/v1/forward') {
    const { authorization: auth, 'x-api-key': xApiKey } = req.headers;
    return send(200, { u: url.searchParams.get('u'), auth, xApiKey });
  }
  if (req.headers.authorization !== `Bearer ${KEY}`) return send(401, { error: 'unauthorized' });
  if (req.method === 'GET' && url.pathname === '/v1/customers') {
    const page = pages[url.searchParams.get('cursor') ?? ''];
    if (url.searchParams.get('limit') !== '2' || !page) return send(400, { error: 'bad page' });
    return send(200, page);
  }
  const id = url.pathname.match(/^\/v1\/customers\/([^/]+)$/)?.[1];
  if (req.method === 'GET' && id === 'con_404')
    return send(404, { error: { message: 'not found', code: 'nf' } });
  // The id arrives percent-encoded as one segment: 'con 1/ü' → con%201%2F%C3%BC.
  if (req.method === 'GET' && id) return send(200, customer(decodeURIComponent(id)));
  send(404, { error: 'no route' });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/v1/`;

// ------------------------------------------------------------------ entries

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const rel = (name, ext) => `../../../packages/${name}/dist/index.${ext}`;
const args = `${JSON.stringify(base)}, ${JSON.stringify(KEY)}, ${JSON.stringify(expectedToken)}`;
const esmImports = [
  `import * as core from ${JSON.stringify(rel('core', 'js'))};`,
  `import * as customers from ${JSON.stringify(rel('customers', 'js'))};`,
  hasGateway
    ? `import * as gateway from ${JSON.stringify(rel('gateway', 'js'))};`
    : 'const gateway = undefined;',
].join('\n');

// Node ESM, Deno, Bun: one ESM file that imports the dist files; prints the probe's line.
writeFileSync(
  `${outDir}entry.mjs`,
  `${esmImports}
${probe.toString()}
probe({ core, customers, gateway }, ${args}).then(
  (line) => console.log(line),
  (error) => { console.error(String(error?.stack ?? error)); globalThis.process ? (process.exitCode = 1) : Deno.exit(1); },
);
`,
);
// Node CJS: require() of the .cjs files.
writeFileSync(
  `${outDir}entry.cjs`,
  `const core = require(${JSON.stringify(rel('core', 'cjs'))});
const customers = require(${JSON.stringify(rel('customers', 'cjs'))});
const gateway = ${hasGateway ? `require(${JSON.stringify(rel('gateway', 'cjs'))})` : 'undefined'};
${probe.toString()}
probe({ core, customers, gateway }, ${args}).then(
  (line) => console.log(line),
  (error) => { console.error(String(error?.stack ?? error)); process.exitCode = 1; },
);
`,
);
// Edge runtime and workerd: bundled with esbuild from the dist files (no Node built-ins available).
writeFileSync(
  `${outDir}bundle-entry.mjs`,
  `${esmImports}
${probe.toString()}
export const result = () => probe({ core, customers, gateway }, ${args});
export default {
  async fetch() {
    try {
      return new Response(await result());
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
`,
);

async function bundle(format, conditions, outfile) {
  await build({
    entryPoints: [`${outDir}bundle-entry.mjs`],
    bundle: true,
    format,
    platform: 'browser',
    conditions,
    target: 'es2022',
    outfile,
    logLevel: 'silent',
    // Not the repo's tsconfig: its paths map @lava-sdk/* to the sources, and this must bundle the dist files.
    tsconfigRaw: {},
    ...(format === 'iife' ? { globalName: '__lavaProbe' } : {}),
  });
}

// ------------------------------------------------------------------ runtimes

const bin = (name) => `${here}node_modules/.bin/${name}`;
const spawnLine = async (file, argv) => {
  const { stdout } = await run(file, argv, { cwd: root, timeout: TIMEOUT_MS, encoding: 'utf8' });
  return stdout.trim();
};

const runtimes = [
  ['node ESM', () => spawnLine(process.execPath, [`${outDir}entry.mjs`])],
  ['node CJS', () => spawnLine(process.execPath, [`${outDir}entry.cjs`])],
  [
    'edge-runtime (@edge-runtime/vm)',
    async () => {
      await bundle('iife', ['edge-light', 'worker', 'browser'], `${outDir}edge.js`);
      const vm = new EdgeVM();
      const { readFileSync } = await import('node:fs');
      vm.evaluate(readFileSync(`${outDir}edge.js`, 'utf8'));
      if (vm.evaluate('typeof process') !== 'undefined') throw new Error('edge VM exposes process');
      return await vm.evaluate('__lavaProbe.result()');
    },
  ],
  [
    'workerd (miniflare, no nodejs_compat)',
    async () => {
      await bundle('esm', ['workerd', 'worker', 'browser'], `${outDir}worker.mjs`);
      const mf = new Miniflare({
        modules: true,
        scriptPath: `${outDir}worker.mjs`,
        compatibilityDate: '2025-01-01',
        compatibilityFlags: [],
      });
      try {
        const res = await mf.dispatchFetch('http://localhost/');
        const text = await res.text();
        if (!res.ok) throw new Error(text);
        return text;
      } finally {
        await mf.dispose();
      }
    },
  ],
  [
    'deno',
    () =>
      spawnLine(bin('deno'), [
        'run',
        '--quiet',
        '--no-prompt',
        '--allow-net=127.0.0.1',
        '--allow-read',
        `${outDir}entry.mjs`,
      ]),
  ],
  ['bun', () => spawnLine(bin('bun'), [`${outDir}entry.mjs`])],
];

let passed = 0;
let failed = 0;
if (!hasGateway) console.log('note: packages/gateway is not built: forward tokens are skipped');
for (const [name, runtime] of runtimes) {
  try {
    const line = await Promise.race([
      runtime(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    passed++;
    console.log(`✓ ${name}: ${line}`);
  } catch (error) {
    failed++;
    const detail = `${error?.stderr ?? ''}${error?.message ?? error}`
      .trim()
      .split('\n')
      .slice(0, 8)
      .join('\n    ');
    console.log(`✗ ${name}: ${detail}`);
  }
}
server.close();
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
