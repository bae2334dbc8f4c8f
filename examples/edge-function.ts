/**
 * An edge function (Cloudflare Workers, Vercel Edge, Deno Deploy, Bun) that sells AI chat by the token.
 *
 *   POST /chat  { "customer_id": "con_…", "message": "Hello!" }
 *   → 200 { "reply": "…", "credits_before": "4.20" }
 *
 * It imports single functions, so the bundle carries only these three operations, and composes their
 * `ResultAsync`s with `andThen` and `safeTry`: look the customer up, check the credit left on their
 * subscription, then call OpenAI through Lava's gateway, billed to that customer's plan. Every failure is
 * a value; `toResponse` maps each LavaError kind to an HTTP answer.
 *
 * Environment: `LAVA_SECRET_KEY`, `LAVA_METER_SLUG`, and optionally `LAVA_BASE_URL`.
 */
import { createLava, type LavaError } from '@lava-sdk/core';
import { getCustomerSubscription, retrieveCustomer } from '@lava-sdk/customers';
import { gateway } from '@lava-sdk/gateway';
import { err, ok, type Result, ResultAsync, safeTry } from 'neverthrow';

export interface Env {
  LAVA_SECRET_KEY?: string | undefined;
  LAVA_METER_SLUG: string;
  LAVA_BASE_URL?: string | undefined;
}

/** This handler's own failures, next to the SDK's. */
type HandlerError = { kind: 'bad_request'; message: string } | { kind: 'no_credit'; message: string };
type Failure = LavaError | HandlerError;

interface ChatRequest {
  customer_id: string;
  message: string;
}

interface ChatCompletion {
  choices: { message: { content: string | null } }[];
}

const json = (body: unknown, status: number, headers?: Record<string, string>) =>
  Response.json(body, headers ? { status, headers } : { status });

/** Reads and checks the request body. */
function readChatRequest(request: Request): ResultAsync<ChatRequest, Failure> {
  const badRequest = (message: string): Failure => ({ kind: 'bad_request', message });
  return ResultAsync.fromPromise(request.json() as Promise<unknown>, () =>
    badRequest('the body must be JSON'),
  ).andThen((body): Result<ChatRequest, Failure> => {
    const { customer_id, message } = (body ?? {}) as Partial<Record<keyof ChatRequest, unknown>>;
    if (typeof customer_id !== 'string' || customer_id === '')
      return err(badRequest('customer_id is required'));
    if (typeof message !== 'string' || message === '') return err(badRequest('message is required'));
    return ok({ customer_id, message });
  });
}

/** Maps every failure to an HTTP response. LavaError messages never contain the key or a token. */
export function toResponse(failure: Failure): Response {
  switch (failure.kind) {
    case 'bad_request':
    case 'invalid_params':
      return json({ error: failure.message }, 400);
    case 'no_credit':
      return json({ error: failure.message }, 402);
    case 'api':
      // Lava (or the provider, through the gateway) said no.
      if (failure.status === 404) return json({ error: 'unknown customer' }, 404);
      if (failure.status === 402) return json({ error: 'insufficient balance' }, 402);
      if (failure.status === 429) {
        const seconds = Math.ceil((failure.retryAfterMs ?? 1000) / 1000);
        return json({ error: 'rate limited' }, 429, { 'retry-after': String(seconds) });
      }
      // 401/403 mean our own key is wrong: the caller can do nothing about it.
      return json({ error: 'upstream error', request_id: failure.requestId }, 502);
    case 'timeout':
      return json({ error: `no answer within ${failure.timeoutMs} ms` }, 504);
    case 'network':
    case 'invalid_response':
      return json({ error: 'upstream unavailable' }, 502);
    case 'aborted':
      return json({ error: 'client closed request' }, 499);
    case 'config':
      return json({ error: 'server misconfigured' }, 500);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname !== '/chat') return json({ error: 'not found' }, 404);
    if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405, { allow: 'POST' });

    let lava: ReturnType<typeof createLava>;
    try {
      lava = createLava({ secretKey: env.LAVA_SECRET_KEY, baseUrl: env.LAVA_BASE_URL, timeoutMs: 30_000 });
    } catch (error) {
      return toResponse(error as LavaError);
    }

    const result = await safeTry(async function* () {
      const chat = yield* readChatRequest(request);

      // andThen: the customer must exist; then read the credit left on their subscription.
      const credits = yield* retrieveCustomer(lava, chat.customer_id, { signal: request.signal })
        .andThen((customer) =>
          getCustomerSubscription(lava, customer.customer_id, { signal: request.signal }),
        )
        .map(({ subscription }) => subscription?.credits.total_remaining ?? '0');
      if (!(Number(credits) > 0)) {
        return err<never, Failure>({ kind: 'no_credit', message: 'no credit left: buy a credit bundle' });
      }

      // Billed to the customer's plan through the meter; Lava forwards to OpenAI.
      const completion = yield* gateway<ChatCompletion>(lava, 'https://api.openai.com/v1/chat/completions', {
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: chat.message }] },
        customer_id: chat.customer_id,
        meter_slug: env.LAVA_METER_SLUG,
        metadata: { feature: 'edge_chat' },
        signal: request.signal,
      });
      return ok({ reply: completion.choices[0]?.message.content ?? '', credits_before: credits });
    });

    return result.match((body) => json(body, 200), toResponse);
  },
};
