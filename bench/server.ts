// The benchmark's Lava: one node:http server on 127.0.0.1, run in its own process (so it gets its own core)
// and started by bench/run.ts. Prints nothing; sends its port to the parent over IPC.
//
//   /v1/customers/<id>         GET   a customer
//   /v1/customers              GET   a page of 100 customers (has_more: true)
//   /v1/customers              POST  a customer (201)
//   /v1/requests               POST  a request record (201)
//   /v1/forward?u=…            POST  a server-sent event stream (first event written with the headers)
//   /gen/v1/customers          GET   pages generated on the fly over 100 000 customers (cursor = offset)
//   /rtt20/v1/…                 any   the same answers, 20 ms later (a round trip to a distant API)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { customer, customerPage, requestRecord, sseEvents } from './fixtures';

const TOTAL = 100_000;
const customerJson = JSON.stringify(customer(1));
const pageJson = JSON.stringify(customerPage(0, 100, 1_000_000));
const requestJson = JSON.stringify(requestRecord);
let n = 0;

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-lava-request-id': `req_${++n}`,
  });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  if (
    req.headers.authorization !== `Bearer ${process.env.BENCH_KEY}` &&
    !req.url?.startsWith('/v1/forward')
  ) {
    return json(res, 401, '{"error":"unauthorized"}');
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const { pathname } = url;
  if (req.method === 'GET' && pathname.startsWith('/v1/customers/')) return json(res, 200, customerJson);
  if (req.method === 'GET' && pathname === '/v1/customers') return json(res, 200, pageJson);
  if (req.method === 'POST' && pathname === '/v1/customers') return json(res, 201, customerJson);
  if (req.method === 'POST' && pathname === '/v1/requests') {
    JSON.parse(body); // a real server parses what it is sent
    return json(res, 201, requestJson);
  }
  if (req.method === 'GET' && pathname === '/gen/v1/customers') {
    const start = Number(url.searchParams.get('cursor')?.slice(4) ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    return json(res, 200, JSON.stringify(customerPage(start, limit, TOTAL)));
  }
  if (req.method === 'POST' && pathname === '/v1/forward') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(sseEvents[0]);
    // The rest follows on the next turns, as a provider streams tokens.
    let i = 1;
    const next = () => {
      if (i < sseEvents.length) {
        res.write(sseEvents[i++]);
        setImmediate(next);
      } else res.end();
    };
    setImmediate(next);
    return;
  }
  json(res, 404, '{"error":"not found"}');
}

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => {
    if (!req.url?.startsWith('/rtt20/')) return handle(req, res, body);
    req.url = req.url.slice('/rtt20'.length);
    setTimeout(() => handle(req, res, body), 20);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
