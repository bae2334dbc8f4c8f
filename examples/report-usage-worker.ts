/**
 * Usage reporting from an edge function (Cloudflare Workers; Vercel, Netlify and Deno Deploy alike): the
 * handler answers at once and the usage goes to Lava after the response, kept alive by `ctx.waitUntil`.
 *
 *   POST /summarize  { "customer_id": "con_…", "text": "…" }  →  200 { "summary": "…" }
 *
 * One reporter per request: a Worker may not carry I/O or timers from one request into another, and a
 * reporter is cheap (no connection, no timer until an event needs a retry). `maxAgeMs` is kept under the
 * platform's waitUntil budget (30 s after the response on Workers), so `close()` always resolves in time;
 * an event that could not be delivered by then goes to `onError` rather than vanishing with the isolate.
 *
 * On Vercel: `import { waitUntil } from '@vercel/functions'` and `waitUntil(reporter.close())`.
 */
import { createLava } from '@lava-sdk/core';
import { createUsageReporter } from '@lava-sdk/requests';

export interface Env {
  LAVA_SECRET_KEY?: string;
  LAVA_METER_SLUG: string;
  LAVA_BASE_URL?: string;
}

/** The part of the Workers `ExecutionContext` used here. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Stands in for the work being metered: here, a summary whose size is the usage. */
function summarize(text: string): { summary: string; inputCharacters: number; outputCharacters: number } {
  const summary = text.split(/(?<=[.!?])\s/)[0] ?? '';
  return { summary, inputCharacters: text.length, outputCharacters: summary.length };
}

// #region worker
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { customer_id, text } = (await request.json().catch(() => ({}))) as {
      customer_id?: string;
      text?: string;
    };
    if (!customer_id || !text)
      return Response.json({ error: 'customer_id and text are required' }, { status: 400 });

    const lava = createLava({ secretKey: env.LAVA_SECRET_KEY, baseUrl: env.LAVA_BASE_URL });
    const reporter = createUsageReporter(lava, {
      maxAgeMs: 20_000,
      onError: (error, event) =>
        console.error('usage not recorded', event.request_id, error.kind, error.message),
    });
    const { summary, inputCharacters, outputCharacters } = summarize(text);
    const queued = reporter.report({
      customer_id,
      meter_slug: env.LAVA_METER_SLUG,
      input_characters: inputCharacters,
      output_characters: outputCharacters,
      metadata: { feature: 'summarize' },
    });
    // Err: the event was invalid (a bad customer id, say); nothing was queued, and nothing will be billed.
    if (queued.isErr()) console.error('usage not queued', queued.error.kind, queued.error.message);
    ctx.waitUntil(reporter.close()); // delivers (with retries) after the response is sent
    return Response.json({ summary });
  },
};
// #endregion worker
