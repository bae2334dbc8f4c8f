import { isLavaError } from './errors';
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
    throw error === TIMED_OUT || signal?.aborted ? error : refusal(x.url, init, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const isStream = (body: unknown): body is ReadableStream =>
  typeof (body as ReadableStream | null | undefined)?.getReader === 'function';

/**
 * What fetch's failure means, asked once it failed. Fetch builds a `Request` first and refuses there (a URL
 * it cannot parse or that holds credentials, a method that is not a token or is forbidden, a body on a GET),
 * and undici refuses a few headers (`connection`, `upgrade`, `expect`, …) before connecting: nothing was
 * sent, a {@link NotSent}. Both reject with a TypeError, as a lost connection does, so only rebuilding the
 * request (and undici's error code) tells them apart. A LavaError as the cause is the request's own (a
 * gateway stream body refusing a chunk). Anything else is the error itself, a network failure.
 */
function refusal(url: string, init: Init, error: unknown): unknown {
  let part: NotSent['part'] = 'url';
  try {
    if (typeof Request !== 'function') return error;
    new Request(url);
    part = 'request';
    // The failed attempt may have read a stream body: a fresh one stands in for it.
    new Request(url, {
      ...init,
      signal: null,
      body: isStream(init.body) ? new ReadableStream() : init.body!,
    });
  } catch (cause) {
    return new NotSent(part, cause);
  }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (isLavaError(cause)) return cause;
  return /^UND_ERR_(INVALID_ARG|NOT_SUPPORTED)$/.test(String(cause?.code)) ? new NotSent(part, cause) : error;
}
