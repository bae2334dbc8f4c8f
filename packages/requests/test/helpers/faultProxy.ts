// A misbehaving HTTP proxy on 127.0.0.1 in front of a real server (the emulator): for each request,
// `decide` picks what happens to it. It counts what it injected and every request_id POSTed through it.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass' // forwarded, answered as the upstream answered
  | 'drop-before' // the connection is destroyed before anything is forwarded
  | 'drop-after' // forwarded (the upstream applied it), then the connection is destroyed: the answer is lost
  | 'applied-503' // forwarded (applied), then answered 503 instead of the upstream's answer
  | '503' // 503 without Retry-After, nothing forwarded
  | `${503 | 429}-retry-after:${string}` // 503 or 429 with this Retry-After, nothing forwarded
  | `delay:${number}`; // forwarded, the answer held back this many ms

export interface FaultProxy {
  readonly baseUrl: string;
  /** How many times each fault (not `pass`) was injected. */
  readonly injected: Map<string, number>;
  /** How many POSTs carried each request_id (whatever then happened to them). */
  readonly posts: Map<string, number>;
  faults(): number;
  stop(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts the proxy; `upstream` is an origin such as `http://127.0.0.1:4010`. `decide` sees each request
 * once its body is read (parsed when it is JSON), before anything is forwarded.
 */
export async function startFaultProxy(
  upstream: string,
  decide: (req: IncomingMessage, n: number, body: unknown) => Fault,
): Promise<FaultProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const injected = new Map<string, number>();
  const posts = new Map<string, number>();
  let n = 0;

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<Upstream>((resolve, reject) => {
      const out = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
          agent,
        },
        (res) => {
          readBody(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {}
    if (req.method === 'POST' && json !== undefined) {
      const id = String((json as { request_id?: unknown }).request_id);
      posts.set(id, (posts.get(id) ?? 0) + 1);
    }
    const fault = decide(req, ++n, json);
    if (fault !== 'pass')
      injected.set(fault.replace(/:.*/, ''), (injected.get(fault.replace(/:.*/, '')) ?? 0) + 1);
    if (fault === 'drop-before') {
      req.socket.destroy();
      return;
    }
    const refusal = /^(503|429)(?:-retry-after:(.*))?$/.exec(fault);
    if (refusal) {
      const status = Number(refusal[1]);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (refusal[2] !== undefined) headers['retry-after'] = refusal[2];
      res.writeHead(status, headers);
      const [message, code] =
        status === 429 ? ['Too many requests', 'rate_limited'] : ['Service unavailable', 'unavailable'];
      res.end(JSON.stringify({ error: { message, code, status } }));
      return;
    }
    const answer = await forward(req, body);
    if (fault === 'drop-after') {
      req.socket.destroy();
      return;
    }
    if (fault === 'applied-503') {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Bad gateway', code: 'unavailable', status: 503 } }));
      return;
    }
    if (fault.startsWith('delay:')) await new Promise((r) => setTimeout(r, Number(fault.slice(6))));
    const {
      'content-length': _,
      'transfer-encoding': __,
      connection: ___,
      'keep-alive': ____,
      ...headers
    } = answer.headers;
    res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  // Long keep-alive, so the only dropped connections are the ones injected on purpose.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1/`,
    injected,
    posts,
    faults: () => [...injected.values()].reduce((a, b) => a + b, 0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
