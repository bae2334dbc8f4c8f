import { type Answer, type Exchange, TIMED_OUT } from './exchange';

/**
 * One exchange over `fetch` (the platform's, or the client's own). The timeout and the caller's signal
 * abort the request, and also end the wait themselves, so even a custom fetch that ignores its signal
 * cannot outlive the budget. Without either, fetch gets no signal at all: undici links every signal
 * it is handed, which costs it real CPU per request.
 */
export async function fetchExchange(x: Exchange, lava: { readonly fetch?: typeof fetch }): Promise<Answer> {
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
  try {
    const response = await Promise.race([
      (lava.fetch ?? fetch)(x.url, {
        method: x.method,
        headers: x.headers,
        body: x.body,
        redirect: x.redirect,
        // A stream outlives this function: its body must still stop on the caller's signal, without a
        // listener left on that signal (AbortSignal.any holds it weakly).
        signal: stream && signal ? AbortSignal.any([signal, controller!.signal]) : controller?.signal,
      }),
      stopped,
    ]);
    const answer = {
      status: response.status,
      header: (name: string) => response.headers.get(name),
      response,
    };
    if (stream && response.ok) return { ...answer, text: '' };
    return { ...answer, text: await Promise.race([response.text(), stopped]) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
