// The one ordered pipeline every request goes through, whichever way it arrives: `startEmulator()`'s HTTP
// server, the msw handlers and `emulator.handle()` all call `pipeline()`'s handler, so limits, CORS,
// authentication, idempotency and request ids behave the same in the three.
//
//   1. request id     every answer carries `x-lava-request-id` (413s, preflights and errors included)
//   2. pages or API   a page's path (inspector, hosted checkout, CLI login page) or the API under the base
//                     path; the route is looked up here (404, 405), since what follows depends on it
//   3. CORS           API only: a preflight is answered here; every other API answer gets the headers (9)
//   4. body limit     413 past the route's limit, declared or counted; the body is read once, here
//   5. auth           the route's: the merchant's secret key, a gateway credential, or none
//   6. idempotency    writes with an Idempotency-Key: in-flight lock, replay, 409, 400 (idempotency.ts)
//   7. handler        the route's handler: parses the request, calls the model's commands, renders views
//   8. error mapping  a LavaHttpError thrown anywhere above becomes Lava's error body; anything else a 500
//   9. CORS headers   and `Vary: Origin`; then the events the commands emitted go to delivery
import { gatewayCaller, secretKeyCaller } from './auth';
import type { Caller, Ctx, Env } from './context';
import type { CorsPolicy } from './cors';
import { errorToResponse, LavaHttpError, parseJsonObject } from './http';
import type { Answer, IdempotencyStore } from './idempotency';
import { newId } from './ids';
import { MAX_BODY_BYTES } from './limits';
import { type Area, isPage, type Match, match } from './router';

export interface PipelineOptions {
  /** Path prefix of the API, with both slashes: `/v1/`. */
  basePath: string;
  /** Which browser origins may call the API. */
  cors: CorsPolicy;
  idempotency: IdempotencyStore;
  /** Runs once the answer is ready: hands the events the commands emitted to delivery. */
  after(): void;
}

const tooLarge = (limit: number) =>
  new LavaHttpError(413, 'payload_too_large', `Request body is larger than ${limit} bytes`);

/**
 * The body's bytes, at most `limit`: past it (declared in Content-Length, or counted) 413, and the rest of
 * the stream is cancelled, not read. GET and HEAD carry none.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return new Uint8Array(0);
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge(limit);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The response with these headers set; a response with immutable headers is copied first. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  let out = response;
  try {
    for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  } catch {
    out = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  }
  return out;
}

/** Authenticates the request as its route says. */
function authenticate(env: Env, found: Match, request: Request, url: URL): Caller | undefined {
  const { auth, path } = found.route;
  if (auth === 'secret') return secretKeyCaller(env.model, request.headers);
  if (auth === 'gateway') return gatewayCaller(env.model, request, url, path.startsWith('rewrite/'));
  return undefined;
}

/** The pipeline's handler: `(Request) => Promise<Response>`, never throws, never hangs on bad input. */
export function pipeline(env: Env, options: PipelineOptions): (request: Request) => Promise<Response> {
  const { basePath, cors } = options;
  return async (request) => {
    let requestId = newId('req_', env.model.now()); // 1
    const url = new URL(request.url);
    const area: Area = isPage(url.pathname) || !url.pathname.startsWith(basePath) ? 'page' : 'api'; // 2
    const policy = area === 'api' ? cors : undefined;
    let response = policy?.preflight(request); // 3
    if (!response) {
      try {
        const relative = area === 'api' ? url.pathname.slice(basePath.length) : url.pathname.slice(1);
        const found = match(area, request.method, relative, url.pathname);
        const text = new TextDecoder().decode(await readBody(request, found.route.maxBody ?? MAX_BODY_BYTES)); // 4
        const caller = authenticate(env, found, request, url); // 5
        const ctx: Ctx = {
          env,
          model: env.model,
          request,
          url,
          query: url.searchParams,
          params: found.params,
          baseUrl: `${url.origin}${basePath}`,
          caller,
          requestId,
          text: () => text,
          body: (required = true) => parseJsonObject(text, required),
        };
        const handle = async (): Promise<Answer> => {
          let answer: Response;
          try {
            answer = await found.route.handle(ctx); // 7
          } catch (error) {
            answer = errorToResponse(error); // 8
          }
          return { response: answer, requestId: ctx.requestId };
        };
        const key = request.headers.get('idempotency-key');
        const answered =
          caller?.kind === 'secret' && key && request.method !== 'GET' && request.method !== 'HEAD'
            ? await options.idempotency.run(
                caller.secretKey,
                key,
                { method: request.method, path: `${url.pathname}${url.search}`, body: text },
                handle,
              ) // 6
            : await handle();
        response = answered.response;
        requestId = answered.requestId;
      } catch (error) {
        response = errorToResponse(error); // 8
      } finally {
        // A body left unread (a 404, a 413, a GET) is cancelled, so a server's connection stays usable.
        if (request.body && !request.body.locked) request.body.cancel().catch(() => undefined);
      }
    }
    const headers: Record<string, string> = { 'x-lava-request-id': requestId, ...policy?.headers(request) }; // 9
    if (request.headers.has('origin')) {
      const vary = response.headers.get('vary');
      headers.vary = vary ? (/\bOrigin\b/.test(vary) ? vary : `${vary}, Origin`) : 'Origin';
    }
    options.after();
    return withHeaders(response, headers);
  };
}
