import { type Answer, type Exchange, NotSent, TIMED_OUT } from './exchange';

type Init = RequestInit & { duplex?: 'half' };

/**
 * One exchange over `fetch` (the platform's, or the client's own). The timeout and the caller's signal
 * abort the request, and also end the wait themselves, so even a custom fetch that ignores its signal
 * cannot outlive the budget. Without either, fetch gets no signal at all: undici links every signal
 * it is handed, which costs it real CPU per request.
 */
export async function fetchExchange(
  x: Exchange,
  lava: { readonly fetch?: typeof fetch | undefined },
): Promise<Answer> {
  const { timeoutMs, signal, stream } = x;
  const controller = timeoutMs || signal ? new AbortController() : undefined;
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => {
      reject(reason);
      controller?.abort();
    };
  });
  stopped.catch(() => {});
  const timer = timeoutMs ? setTimeout(() => stop(TIMED_OUT), timeoutMs) : undefined;
  const onAbort = () => stop(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  const init: Init = {
    method: x.method,
    headers: x.headers,
    body: x.body ?? null,
    redirect: x.redirect ?? 'follow',
    // A stream outlives this function: its body must still stop on the caller's signal, without a
    // listener left on that signal (AbortSignal.any holds it weakly).
    signal: stream && signal ? AbortSignal.any([signal, controller!.signal]) : (controller?.signal ?? null),
  };
  // A stream body (a gateway upload) is sent as it is read, which fetch does only when told so.
  if (isStream(x.body)) init.duplex = 'half';
  try {
    const response = await Promise.race([(lava.fetch ?? fetch)(x.url, init), stopped]);
    const answer = {
      status: response.status,
      header: (name: string) => response.headers.get(name),
      response,
    };
    if (stream && response.ok) return { ...answer, text: '' };
    return { ...answer, text: await Promise.race([response.text(), stopped]) };
  } catch (error) {
    throw error === TIMED_OUT || signal?.aborted ? error : (refusal(x.url, init, error) ?? error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const isStream = (body: unknown): body is ReadableStream =>
  typeof (body as ReadableStream | null | undefined)?.getReader === 'function';

// What undici refuses as it builds the request, before connecting (a `connection`, `upgrade`,
// `transfer-encoding` or `keep-alive` header; `expect`), as the cause of its "fetch failed".
const UNSENT_CODES = /^UND_ERR_(INVALID_ARG|NOT_SUPPORTED)$/;

/**
 * Whether fetch could have sent this request at all, asked once it failed: fetch builds a `Request` first
 * and refuses there (a URL it cannot parse or that holds credentials, a method that is not a token or is
 * forbidden, a body on a GET) before a byte leaves, and undici refuses a few headers before connecting.
 * Both reject with a TypeError, as a lost connection does, so only rebuilding the request (and undici's
 * error code) tells them apart.
 */
function refusal(url: string, init: Init, error: unknown): NotSent | undefined {
  try {
    const { cause } = error as { cause?: { code?: unknown } };
    if (UNSENT_CODES.test(String(cause?.code))) return new NotSent('request', cause);
  } catch {} // an error whose getters throw is not one of undici's
  if (typeof Request !== 'function') return undefined;
  try {
    new Request(url);
  } catch (cause) {
    return new NotSent('url', cause);
  }
  try {
    // The failed attempt may have read a stream body: a fresh one stands in for it.
    new Request(url, {
      ...init,
      signal: null,
      body: isStream(init.body) ? new ReadableStream() : (init.body ?? null),
    });
  } catch (cause) {
    return new NotSent('request', cause);
  }
  return undefined;
}
