// A deliberately misbehaving Lava API on loopback, plus the shared invariants of the fault suite.
// Each call under test gets its own scenario (`/s/<id>/v1/…` as base URL), so calls run concurrently and
// every request the server saw is attributed to exactly one call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { isLavaError, type LavaError, type LavaLogEntry } from '@lava-sdk/core';

// Loopback only. A realistic-looking key, so a leak check is meaningful; never a real one.
export const SECRET_KEY = 'aks_test_FAULTSUITEnotreal0123456789abcdefXYZ';

/**
 * Which REST transport the suite drives. In Node, REST calls go through node:http; vitest runs the suite a
 * second time with LAVA_FAULTS_TRANSPORT=fetch (vitest.config.ts), where every client is given
 * `fetch: globalThis.fetch`, which puts it on the fetch path.
 */
export const TRANSPORT = process.env.LAVA_FAULTS_TRANSPORT === 'fetch' ? 'fetch' : 'node:http';
/** Client options that select {@link TRANSPORT}. */
export const transportOptions: { fetch?: typeof fetch } =
  TRANSPORT === 'fetch' ? { fetch: (input, init) => globalThis.fetch(input, init) } : {};
export const KNOWN_KINDS = new Set([
  'config',
  'invalid_params',
  'network',
  'timeout',
  'aborted',
  'api',
  'invalid_response',
]);

export const CUSTOMER = {
  customer_id: 'con_fault_1',
  reference_id: null,
  contact: { email: 'ada@example.com' },
  subscription: null,
  metadata: null,
  created_at: '2025-01-01T00:00:00Z',
};

/** Every way the server can answer one request. */
export const FAULTS = [
  'reset', // socket destroyed before any byte of the response
  'drop-mid-body', // 200, content-length promised, half a body, then the socket dies
  'stall-headers', // never answers
  'stall-body', // 200 and half a body, then silence
  '429', // no Retry-After
  '429-ra-0', // Retry-After: 0 (seconds)
  '503', // no Retry-After
  '503-ra-past-date', // Retry-After as an HTTP date in the past
  '503-ra-huge', // Retry-After: 3600, beyond the cap: not waited for
  '408',
  '409',
  '500-html', // an HTML error page from a proxy
  '502-html-key', // an HTML page echoing the Authorization header
  '400',
  '401-echo-key', // a JSON error echoing the key
  '404',
  'truncated-json', // 200, complete per content-length, but the JSON is cut
  'non-json', // 200 text/plain
  'html-200', // 200 text/html with a login page
  'json-ct-html', // 200 labelled application/json, body is HTML
  'wrong-ct-ok', // 200 valid JSON labelled text/html: accepted, the API's content is what counts
  'empty-204', // 204, no body
  'huge-junk', // 200, 5 MB of non-JSON
  'huge-html-500', // 500, 3 MB HTML page
  'huge-ok', // 200, valid JSON with a 4 MB field
  'bad-gzip', // content-encoding: gzip, body is not gzip
  'bad-chunked', // invalid chunked framing written on the raw socket
  'garbage', // not HTTP at all
  'redirect-cross', // 307 to another origin (the second server)
  'redirect-loop', // 307 to itself forever
] as const;
export type Fault =
  | (typeof FAULTS)[number]
  | 'ok'
  // 200 text/event-stream that writes a chunk every 20 ms until the client goes away.
  | 'stream-forever'
  // `<status>` with `Retry-After: <value>`.
  | `retry-after:${number}:${string}`
  // `<code>` redirect to an absolute URL (the scenario path is appended).
  | `redirect:${number}:${string}`;

export const RETRYABLE_FAULTS = new Set<Fault>([
  'reset',
  'drop-mid-body',
  'stall-headers',
  'stall-body',
  '429',
  '429-ra-0',
  '503',
  '503-ra-past-date',
  '408',
  '409',
  '500-html',
  '502-html-key',
  'huge-html-500',
  'bad-gzip',
  'bad-chunked',
  'garbage',
  'redirect-loop',
]);

/** What a server saw of one request. */
export interface Seen {
  method: string;
  /** Raw request target after the scenario prefix, exactly as sent (still percent-encoded). */
  path: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
  fault: Fault;
}

interface Scenario {
  /** The fault for attempt n is script[n-1]; the last entry repeats. */
  script: Fault[];
  seen: Seen[];
  /** Times (Date.now()) at which a response of this scenario was closed by the client. */
  closed: number[];
}

export interface FaultServer {
  /** Base URL of a fresh scenario, ending in `/v1/`. */
  scenario(script: Fault[]): { baseUrl: string; seen: Seen[]; closed: number[] };
  /** Origin of a second redirect target on 127.0.0.1 (another port): reachable as `localhost` too. */
  readonly localTargetOrigin: string;
  /** What the redirect target (another origin) saw. */
  readonly targetSeen: Seen[];
  /** Origin of the redirect target, e.g. `http://127.0.0.2:41661`. */
  targetOrigin: string;
  /** How many faulty answers were actually delivered (every answer except `ok`). */
  readonly injected: Map<Fault, number>;
  totalInjected(): number;
  close(): Promise<void>;
}

const HUGE_JUNK = 'x'.repeat(5 * 1024 * 1024);
const HUGE_HTML = `<!doctype html><html><body>${'<div class="row"><span>lorem ipsum</span></div>\n'.repeat(60_000)}</body></html>`;
const HUGE_OK = JSON.stringify({ ...CUSTOMER, metadata: { blob: 'y'.repeat(4 * 1024 * 1024) } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-lava-request-id': 'req_fault', ...headers });
  res.end(JSON.stringify(body));
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the faulty API on 127.0.0.1 and a redirect target on another loopback origin. */
export async function startFaultServer(): Promise<FaultServer> {
  const scenarios = new Map<number, Scenario>();
  const injected = new Map<Fault, number>();
  const targetSeen: Seen[] = [];
  let nextId = 1;
  let origin = '';

  const onTarget = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    targetSeen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body,
      fault: 'ok',
    });
    json(res, 200, req.method === 'DELETE' ? { success: true } : CUSTOMER);
  };
  const target = createServer(onTarget);
  const localTarget = createServer(onTarget);
  const localTargetPort = await listen(localTarget, '127.0.0.1');
  // Another host when the sandbox allows binding 127.0.0.2, else another port on 127.0.0.1: both are
  // other origins, which is what the fetch spec's Authorization stripping is about.
  let targetHost = '127.0.0.2';
  let targetPort: number;
  try {
    targetPort = await listen(target, targetHost);
  } catch {
    targetHost = '127.0.0.1';
    targetPort = await listen(target, targetHost);
  }

  const api = createServer(async (req, res) => {
    const match = /^\/s\/(\d+)(\/.*)$/s.exec(req.url ?? '');
    const scenario = match ? scenarios.get(Number(match[1])) : undefined;
    if (!match || !scenario) return json(res, 418, { error: 'unknown scenario' });
    const body = await readBody(req);
    const n = scenario.seen.length;
    const fault = scenario.script[Math.min(n, scenario.script.length - 1)] ?? 'ok';
    scenario.seen.push({
      method: req.method ?? '',
      path: match[2]!,
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body,
      fault,
    });
    if (fault !== 'ok') {
      const family = fault.replace(/:.*/, '') as Fault;
      injected.set(family, (injected.get(family) ?? 0) + 1);
    }
    res.on('close', () => scenario.closed.push(Date.now()));
    answer(fault, req, res, match[1]!, match[2]!);
  });

  function answer(fault: Fault, req: IncomingMessage, res: ServerResponse, id: string, path: string) {
    const okBody = req.method === 'DELETE' ? { success: true } : CUSTOMER;
    if (fault.startsWith('retry-after:')) {
      const [, status, value] = /^retry-after:(\d+):(.*)$/s.exec(fault)!;
      return json(res, Number(status), { error: 'try later' }, { 'retry-after': value! });
    }
    if (fault.startsWith('redirect:')) {
      const [, code, url] = /^redirect:(\d+):(.*)$/s.exec(fault)!;
      res.writeHead(Number(code), { location: `${url}${path}` });
      return res.end();
    }
    switch (fault) {
      case 'stream-forever': {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let i = 0;
        const timer = setInterval(() => res.write(`data: {"chunk":${i++}}\n\n`), 20);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'ok':
        return json(res, 200, okBody);
      case 'reset':
        return void req.socket.destroy();
      case 'drop-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"customer_id":"con_fault_1","reference_id":');
        return void setTimeout(() => req.socket.destroy(), 5);
      case 'stall-headers':
        return; // the connection stays open until the client gives up or the suite closes it
      case 'stall-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.write('{"customer_id":"con_fault_1",');
      case '429':
        return json(res, 429, { error: 'rate limited' });
      case '429-ra-0':
        return json(res, 429, { error: 'rate limited' }, { 'retry-after': '0' });
      case '503':
        return json(res, 503, { error: { message: 'unavailable', code: 'unavailable', status: 503 } });
      case '503-ra-past-date':
        return json(res, 503, { error: 'unavailable' }, { 'retry-after': new Date(0).toUTCString() });
      case '503-ra-huge':
        return json(res, 503, { error: 'maintenance' }, { 'retry-after': '3600' });
      case '408':
      case '409':
      case '400':
      case '404':
        return json(res, Number(fault), { error: { message: `status ${fault}`, code: 'x', status: fault } });
      case '500-html':
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end(
          '<html><head><title>500</title></head><body><h1>Internal Server Error</h1></body></html>',
        );
      case '502-html-key':
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end(
          `<html><body><h1>Bad gateway</h1><pre>${req.headers.authorization}</pre><p>${SECRET_KEY}</p></body></html>`,
        );
      case '401-echo-key':
        return json(res, 401, {
          error: {
            message: `Invalid key ${SECRET_KEY} (${req.headers.authorization})`,
            code: 'unauthorized',
          },
          echo: { authorization: req.headers.authorization, key: SECRET_KEY },
        });
      case 'truncated-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"customer_id":"con_fault_1","contact":{"em');
      case 'non-json':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('OK');
      case 'html-200':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><html><body><form action="/login">Sign in</form></body></html>');
      case 'json-ct-html':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('<html><body>Captive portal</body></html>');
      case 'wrong-ct-ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        return res.end(JSON.stringify(okBody));
      case 'empty-204':
        res.writeHead(204);
        return res.end();
      case 'huge-junk':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(HUGE_JUNK);
      case 'huge-html-500':
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end(HUGE_HTML);
      case 'huge-ok':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(req.method === 'DELETE' ? JSON.stringify(okBody) : HUGE_OK);
      case 'bad-gzip':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end(JSON.stringify(okBody));
      case 'bad-chunked':
        res.detachSocket(req.socket);
        return void req.socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nZZZ\r\n{"a"\r\n',
        );
      case 'garbage':
        res.detachSocket(req.socket);
        return void req.socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
      case 'redirect-cross':
        res.writeHead(307, { location: `${origin}/redirected${path}` });
        return res.end();
      case 'redirect-loop':
        res.writeHead(307, { location: `/s/${id}${path}` });
        return res.end();
    }
  }

  const apiPort = await listen(api, '127.0.0.1');
  origin = `http://${targetHost}:${targetPort}`;
  const server: FaultServer = {
    scenario(script) {
      const id = nextId++;
      const seen: Seen[] = [];
      const closed: number[] = [];
      scenarios.set(id, { script, seen, closed });
      return { baseUrl: `http://127.0.0.1:${apiPort}/s/${id}/v1/`, seen, closed };
    },
    localTargetOrigin: `http://127.0.0.1:${localTargetPort}`,
    targetSeen,
    get targetOrigin() {
      return origin;
    },
    set targetOrigin(value: string) {
      origin = value;
    },
    injected,
    totalInjected: () => [...injected.values()].reduce((a, b) => a + b, 0),
    async close() {
      for (const s of [api, target, localTarget]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
  return server;
}

/** Every place a secret could surface in an error and the log lines of its call. */
export function surfaces(error: unknown, logs: readonly LavaLogEntry[] = []): string[] {
  const e = error as LavaError;
  return [
    String(e?.message),
    String(e?.stack),
    String(error),
    JSON.stringify(error) ?? '',
    inspect(error, { depth: 20, showHidden: true }),
    JSON.stringify((e as { body?: unknown })?.body ?? null),
    JSON.stringify(logs),
    inspect(logs, { depth: 20 }),
  ];
}

/** Secrets not found in any surface; returns the offending surface for a readable failure. */
export function leakIn(
  error: unknown,
  logs: readonly LavaLogEntry[],
  secrets: readonly string[],
): string | undefined {
  for (const text of surfaces(error, logs)) {
    for (const secret of secrets) if (secret && text.includes(secret)) return text;
  }
  return undefined;
}

/** Checks the shape every outcome must have: a Result whose error is a typed LavaError. */
export function typedOutcome(result: unknown): { ok: boolean; error?: LavaError; problem?: string } {
  const r = result as { isOk?: () => boolean; isErr?: () => boolean; error?: unknown };
  if (typeof r?.isOk !== 'function') return { ok: false, problem: 'not a Result' };
  if (r.isOk()) return { ok: true };
  if (!isLavaError(r.error)) return { ok: false, problem: `error is not a LavaError: ${inspect(r.error)}` };
  if (!KNOWN_KINDS.has(r.error.kind)) return { ok: false, problem: `unknown kind ${r.error.kind}` };
  if (!(r.error instanceof Error)) return { ok: false, problem: 'error is not an Error' };
  return { ok: false, error: r.error };
}

/** Counts per property, printed by each file's afterAll. */
export class Tally {
  private rows = new Map<string, { cases: number; faults: number; failed: number }>();
  add(property: string, cases: number, faults = 0, failed = 0): void {
    const row = this.rows.get(property) ?? { cases: 0, faults: 0, failed: 0 };
    row.cases += cases;
    row.faults += faults;
    row.failed += failed;
    this.rows.set(property, row);
  }
  print(file: string): void {
    for (const [property, { cases, faults, failed }] of this.rows) {
      console.log(
        `[faults ${TRANSPORT}] ${file} | ${property}: ${cases} cases, ${faults} faults injected, ${
          failed === 0 ? 'all passed' : `${failed} FAILED`
        }`,
      );
    }
  }
}

/** Records unhandled rejections for the duration of a file; the file asserts there were none. */
export function watchUnhandled(): { readonly reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const onRejection = (reason: unknown) => reasons.push(reason);
  process.on('unhandledRejection', onRejection);
  return { reasons, stop: () => process.off('unhandledRejection', onRejection) };
}

/**
 * Runs tasks with at most `limit` in flight. Client and server share one event loop here, so an
 * unbounded burst would measure the test machine, not the SDK.
 */
export async function pool<T>(tasks: (() => Promise<T>)[], limit = 16): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
