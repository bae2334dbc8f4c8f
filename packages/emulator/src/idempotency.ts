// Idempotency-Key, as Stripe runs it (lava-api.md §3.4 documents the header, not its semantics): the first
// answer to a key is kept and replayed to every retry with the same request, marked `Idempotent-Replayed:
// true`. A key is scoped to the secret key that sent it.
import { badRequest, LavaHttpError } from './http';

/** How long an answer is kept, on the emulator's clock: 24 hours, as Stripe keeps keys. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** The most keys kept at once; past it the least recently used is forgotten. About 1 kB each. */
export const IDEMPOTENCY_MAX_KEYS = 10_000;
/** The header a replayed answer carries. */
export const REPLAYED_HEADER = 'idempotent-replayed';

interface Entry {
  fingerprint: string;
  /** Undefined while the first request is still being answered. */
  answer?: { status: number; headers: [string, string][]; body: string; requestId: string };
  expiresAt: number;
}

/** What the pipeline answers with: a response and the request id it goes out with. */
export interface Answer {
  response: Response;
  requestId: string;
}

/**
 * Answers that are the request's fault are not kept, so a corrected retry runs: a 400 (invalid parameters,
 * malformed body) or 422; neither are a 409, a 429 or a 5xx, which a retry may get past.
 */
const kept = (status: number) =>
  status < 500 && status !== 400 && status !== 409 && status !== 422 && status !== 429;

/** JSON with its object keys sorted, so key order and whitespace do not change a fingerprint. */
function canonical(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `raw:${text}`;
  }
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `json:${JSON.stringify(sort(value))}`;
}

export interface IdempotencyStore {
  /**
   * Runs `answer` once per key: a retry with the same method, path and parsed body gets the kept answer
   * again; one with other parameters is a 400 (`idempotency_key_reused`); one while the first still runs a
   * 409 (`idempotency_key_in_use`, which the SDK retries).
   */
  run(
    scope: string,
    key: string,
    request: { method: string; path: string; body: string },
    answer: () => Promise<Answer>,
  ): Promise<Answer>;
  /** Forgets every key. */
  clear(): void;
  readonly size: number;
}

export function idempotencyStore(now: () => Date, maxKeys = IDEMPOTENCY_MAX_KEYS): IdempotencyStore {
  // A Map keeps insertion order: the first entry is the least recently used.
  const entries = new Map<string, Entry>();
  return {
    async run(scope, key, request, answer) {
      const id = `${scope}\u0000${key}`;
      const fingerprint = `${request.method} ${request.path}\u0000${canonical(request.body)}`;
      const at = now().getTime();
      let entry = entries.get(id);
      if (entry?.answer && entry.expiresAt <= at) {
        entries.delete(id);
        entry = undefined;
      }
      if (entry) {
        if (!entry.answer) {
          throw new LavaHttpError(
            409,
            'idempotency_key_in_use',
            'A request with this Idempotency-Key is still being processed; retry it once that one is answered',
          );
        }
        if (entry.fingerprint !== fingerprint) {
          throw badRequest(
            'Idempotency-Key was already used with a different request',
            'idempotency_key_reused',
          );
        }
        entries.delete(id);
        entries.set(id, entry);
        const { status, headers, body, requestId } = entry.answer;
        const replayed = new Response(body, { status, headers });
        replayed.headers.set(REPLAYED_HEADER, 'true');
        return { response: replayed, requestId };
      }
      // The lock: set before the first await, so a concurrent duplicate finds it.
      entries.set(id, { fingerprint, expiresAt: Number.POSITIVE_INFINITY });
      let result: Answer;
      try {
        result = await answer();
      } catch (error) {
        entries.delete(id);
        throw error;
      }
      const { response, requestId } = result;
      if (!kept(response.status)) {
        entries.delete(id);
        return result;
      }
      const body = await response.clone().text();
      entries.set(id, {
        fingerprint,
        answer: { status: response.status, headers: [...response.headers], body, requestId },
        expiresAt: now().getTime() + IDEMPOTENCY_TTL_MS,
      });
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
      return result;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
