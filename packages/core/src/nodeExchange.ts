// Node only: reached through the `node` condition of core's `#platform` import, never from a browser or
// edge bundle. Node's built-in modules are loaded on the first call, so importing the SDK costs nothing.
import type * as Http from 'node:http';
import type * as Timers from 'node:timers';
import type * as Zlib from 'node:zlib';
import { type Answer, type Exchange, NotSent, TIMED_OUT } from './exchange';

type Modules = [http: typeof Http, https: typeof Http, zlib: typeof Zlib, timers: typeof Timers];

/** A request in flight: when its time budget runs out, and how to stop it. */
interface Deadline {
  readonly at: number;
  readonly stop: (reason: unknown) => void;
}

/** What a client keeps for as long as it lives: its keep-alive agents (http, https) and its deadlines. */
interface Pool {
  agents: Http.Agent[];
  deadlines: Set<Deadline>;
  /** One timer for every request in flight, set for the earliest deadline it knew of. */
  timer?: ReturnType<typeof Timers.setTimeout> | undefined;
  timerAt: number;
}

// Node's own modules once loaded, and each client's pool, kept as long as the client is.
let modules: Modules | undefined;
const pools = new WeakMap<object, Pool>();
// Each origin's host, port and protocol as node:http reads them from a URL string, which it parses again on
// every call: about 7 µs of client CPU per call here, the largest cost left over a bare request. The SDK's
// URLs are already normalised hrefs.
const origins = new Map<string, Http.RequestOptions>();

/** `http.request`'s options for a normalised http(s) URL: its origin's, parsed once, and the path. */
function target(url: string): Http.RequestOptions {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let options = origins.get(origin);
  if (!options) {
    // As node:url's urlToHttpOptions reads a URL: an IPv6 host without brackets, the user and password decoded.
    const { protocol, hostname, port, username, password } = new URL(origin);
    options = { protocol, hostname: hostname.replace(/^\[(.*)\]$/, '$1'), port: port || undefined };
    if (username || password)
      options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    if (origins.size >= 100) origins.clear(); // a process talks to a few; never grow without bound
    origins.set(origin, options);
  }
  return { ...options, path: slash < 0 ? '/' : url.slice(slash) };
}

// The modules' own objects (`default`), not the ESM namespaces: interceptors such as msw and nock patch
// `http.request` on those, and a namespace keeps the original.
async function load(): Promise<Modules> {
  const loaded = await Promise.all([
    import('node:http'),
    import('node:https'),
    import('node:zlib'),
    // Node's own timers, whose `unref` Deno's and Bun's global setTimeout may not have.
    import('node:timers'),
  ]);
  modules = loaded.map((m) => m.default) as Modules;
  return modules;
}

/**
 * Watches a request's time budget. One timer per client serves every request in flight, set for the
 * earliest deadline: a timer of its own per request cost about 5 µs of CPU each. The timer never holds the
 * process open (a request in flight holds it with its socket, or its DNS lookup). Returns what ends the watch.
 */
function watch(pool: Pool, ms: number, stop: (reason: unknown) => void): () => void {
  const deadline = { at: performance.now() + ms, stop };
  pool.deadlines.add(deadline);
  if (!pool.timer || deadline.at < pool.timerAt) arm(modules![3], pool, deadline.at);
  return () => pool.deadlines.delete(deadline);
}

function arm(timers: typeof Timers, pool: Pool, at: number): void {
  timers.clearTimeout(pool.timer);
  pool.timerAt = at;
  pool.timer = timers.setTimeout(expire, Math.max(1, at - performance.now()), pool).unref();
}

// Stops every request past its deadline, and sets the timer again for the next one.
function expire(pool: Pool): void {
  pool.timer = undefined;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  for (const deadline of pool.deadlines) {
    if (deadline.at <= now) deadline.stop(TIMED_OUT);
    else next = Math.min(next, deadline.at);
  }
  if (next < Number.POSITIVE_INFINITY) arm(modules![3], pool, next);
}

/**
 * One exchange over `node:http`/`node:https` with a keep-alive agent per client: undici's fetch links
 * every AbortSignal it is handed, which cost 23–31 % of loopback throughput here, while `node:http` ran
 * 1.8× fetch without a signal. One deadline covers headers and body; the caller's signal destroys the
 * request; redirects are never followed (REST answers a 3xx as an error).
 */
export function nodeExchange(x: Exchange, client: object): Promise<Answer> {
  // No await once the modules are loaded: each one is a turn of the microtask queue on every call.
  return modules ? exchange(modules, x, client) : load().then((loaded) => exchange(loaded, x, client));
}

function exchange([http, https, zlib]: Modules, x: Exchange, client: object): Promise<Answer> {
  const secure = x.url.startsWith('https:') ? 1 : 0;
  let pool = pools.get(client);
  if (!pool) {
    pool = { agents: [], deadlines: new Set(), timerAt: 0 };
    pools.set(client, pool);
  }
  pool.agents[secure] ??= new (secure ? https : http).Agent({ keepAlive: true });
  const agent = pool.agents[secure];
  const body = x.body as string | undefined;
  // What Node's fetch asks for, so a server answers alike whichever path sent the request.
  const headers: Http.OutgoingHttpHeaders = { 'accept-encoding': 'gzip, deflate', ...x.headers };
  let req: Http.ClientRequest;
  // Node refuses a URL, method, header or body it cannot send here, synchronously, before connecting.
  try {
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    req = (secure ? https : http).request({ ...target(x.url), method: x.method, headers, agent });
  } catch (cause) {
    // A rejection, not a throw: this function returns a promise, however it fails.
    return Promise.reject(new NotSent(URL.canParse(x.url) ? 'request' : 'url', cause));
  }

  return new Promise<Answer>((resolve, reject) => {
    const { timeoutMs, signal } = x;
    const done = () => {
      unwatch?.();
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (reason: unknown) => {
      done();
      req.destroy();
      reject(reason);
    };
    const onAbort = () => fail(signal?.reason);
    const unwatch = timeoutMs ? watch(pool, timeoutMs, fail) : undefined;
    signal?.addEventListener('abort', onAbort);
    req.on('error', fail).on('response', (res) => {
      // gzip and deflate, the two encodings asked for (createUnzip reads both).
      const source = /^\s*(x-)?(gzip|deflate)\s*$/i.test(res.headers['content-encoding'] ?? '')
        ? res.pipe(zlib.createUnzip()).on('error', fail)
        : res;
      const chunks: Buffer[] = [];
      // A connection closed before the body ended is a failure, not a short body.
      res.on('error', fail).on('close', () => res.complete || fail(new Error('connection closed mid-body')));
      source
        .on('data', (chunk: Buffer) => chunks.push(chunk))
        .on('end', () => {
          done();
          // As fetch's text(): UTF-8, and a byte-order mark is not part of the text.
          const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString();
          resolve({
            status: res.statusCode!,
            header: (name) => (res.headers[name] as string | undefined) ?? null,
            text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
          });
        });
    });
    try {
      req.end(body);
    } catch (cause) {
      fail(new NotSent('request', cause)); // a body of a type Node cannot write: nothing was written
    }
  });
}
