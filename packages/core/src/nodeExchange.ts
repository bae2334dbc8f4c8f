// Node only: reached through the `node` condition of core's `#platform` import, never from a browser or
// edge bundle. Node's built-in modules are loaded on the first call, so importing the SDK costs nothing.
import type * as Http from 'node:http';
import type * as Zlib from 'node:zlib';
import { type Answer, type Exchange, NotSent, TIMED_OUT } from './exchange';

type Modules = [http: typeof Http, https: typeof Http, zlib: typeof Zlib];
// Node's own modules once loaded, and each client's keep-alive agents (http, https), kept as long as it is.
let modules: Modules | undefined;
const agents = new WeakMap<object, Http.Agent[]>();

// The modules' own objects (`default`), not the ESM namespaces: interceptors such as msw and nock patch
// `http.request` on those, and a namespace keeps the original.
async function load(): Promise<Modules> {
  const loaded = await Promise.all([import('node:http'), import('node:https'), import('node:zlib')]);
  modules = loaded.map((m) => m.default) as Modules;
  return modules;
}

/**
 * One exchange over `node:http`/`node:https` with a keep-alive agent per client: undici's fetch links
 * every AbortSignal it is handed, which cost 23–31 % of loopback throughput here, while `node:http` ran
 * 1.8× fetch without a signal. One timer covers headers and body; the caller's signal destroys the
 * request; redirects are never followed (REST answers a 3xx as an error).
 */
export async function nodeExchange(x: Exchange, client: object): Promise<Answer> {
  const [http, https, zlib] = modules ?? (await load());
  const secure = x.url.startsWith('https:') ? 1 : 0;
  let pool = agents.get(client);
  if (!pool) {
    pool = [];
    agents.set(client, pool);
  }
  pool[secure] ??= new (secure ? https : http).Agent({ keepAlive: true });
  const agent = pool[secure];
  const body = x.body as string | undefined;
  // What Node's fetch asks for, so a server answers alike whichever path sent the request.
  const headers: Http.OutgoingHttpHeaders = { 'accept-encoding': 'gzip, deflate', ...x.headers };
  let req: Http.ClientRequest;
  // Node refuses a URL, method, header or body it cannot send here, synchronously, before connecting.
  try {
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    req = (secure ? https : http).request(x.url, { method: x.method, headers, agent });
  } catch (cause) {
    throw new NotSent(URL.canParse(x.url) ? 'request' : 'url', cause);
  }

  return new Promise<Answer>((resolve, reject) => {
    const { timeoutMs, signal } = x;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (reason: unknown) => {
      done();
      req.destroy();
      reject(reason);
    };
    const onAbort = () => fail(signal?.reason);
    const timer = timeoutMs ? setTimeout(fail, timeoutMs, TIMED_OUT) : undefined;
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
          resolve({
            status: res.statusCode!,
            header: (name) => (res.headers[name] as string | undefined) ?? null,
            // As fetch's text(): UTF-8, and a byte-order mark is not part of the text.
            text: Buffer.concat(chunks)
              .toString()
              .replace(/^\uFEFF/, ''),
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
