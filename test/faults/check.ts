// Runs one call against one scenario and lists every invariant it broke (an empty list: all held).
import { inspect } from 'node:util';
import { client, expected, retryable, type Variant } from './calls';
import { type Fault, type FaultServer, leakIn, SECRET_KEY, typedOutcome } from './harness';

export interface CaseResult {
  problems: string[];
  kind: string;
  attempts: number;
  elapsedMs: number;
}

export interface CaseOptions {
  timeoutMs?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  /** Check the final kind and attempt count against the policy oracle (off for redirect loops). */
  oracle?: boolean;
}

export async function runCase(
  server: FaultServer,
  script: Fault[],
  variant: Variant,
  options: CaseOptions = {},
): Promise<CaseResult> {
  const { timeoutMs = 400, maxRetries = 2, retryDelayMs = 5, oracle = true } = options;
  const { baseUrl, seen } = server.scenario(script);
  const { lava, logs } = client(baseUrl, { timeoutMs, maxRetries, retryDelayMs });
  const problems: string[] = [];
  const started = Date.now();
  let result: unknown;
  try {
    result = await variant.call(lava, {});
  } catch (thrown) {
    problems.push(`threw instead of returning a Result: ${inspect(thrown)}`);
  }
  const elapsedMs = Date.now() - started;
  const outcome = typedOutcome(result);
  if (outcome.problem) problems.push(outcome.problem);
  const kind = outcome.ok ? 'ok' : (outcome.error?.kind ?? '?');
  const loop = script.includes('redirect-loop');
  // Requests of the scenario that were attempts (a redirect hop belongs to the attempt before it).
  const attempts = loop ? seen.filter((s) => s.fault !== 'redirect-loop').length || 1 : seen.length;

  // Retry budget: never more attempts than maxRetries + 1; writes without a key exactly once.
  const budget = retryable(variant) ? maxRetries + 1 : 1;
  if (!loop && seen.length > budget) problems.push(`${seen.length} attempts, budget ${budget}`);
  if (loop && seen.length > budget * 21) problems.push(`${seen.length} requests in a redirect loop`);
  const reported = (outcome.error as { attempts?: number } | undefined)?.attempts;
  // A timed-out attempt may die before the server read it, so a timeout only bounds the count.
  const timedOut = kind === 'timeout' || script.some((f) => f.startsWith('stall-'));
  const mismatch = timedOut ? (reported ?? 0) < seen.length : reported !== seen.length;
  if (reported !== undefined && (reported > budget || (!loop && mismatch))) {
    problems.push(`error.attempts ${reported}, server saw ${seen.length}`);
  }
  // Time budget: every attempt's timeout, backoffs (Retry-After values here are 0), generous slack.
  const bound = budget * timeoutMs + budget * retryDelayMs * 2 ** budget + 4_000;
  if (elapsedMs > bound) problems.push(`took ${elapsedMs} ms, bound ${bound} ms`);

  // Idempotency: a POST carries one key on every attempt; PATCH/DELETE only the caller's.
  const keys = new Set(seen.map((s) => s.headers['idempotency-key']));
  if (variant.method === 'POST') {
    if (seen.length > 0 && (keys.size !== 1 || [...keys][0] === undefined))
      problems.push(`POST keys: ${inspect([...keys])}`);
  }
  if (variant.key !== undefined && seen.length > 0 && (keys.size !== 1 || !keys.has(variant.key))) {
    problems.push(`caller key not reused: ${inspect([...keys])}`);
  }
  if (variant.method !== 'POST' && variant.key === undefined && seen.length > 0 && !keys.has(undefined)) {
    problems.push('a key was invented for a non-POST write');
  }

  // Wire: the exact path, the Authorization, never an extra copy of a header.
  for (const s of seen) {
    const path = s.path.replace(/\?.*$/s, '');
    if (path !== variant.path) problems.push(`path ${s.path}, expected ${variant.path}`);
    if (s.method !== variant.method) problems.push(`method ${s.method}`);
    if (s.headers.authorization !== `Bearer ${SECRET_KEY}`) problems.push('missing Authorization');
  }

  if (oracle && !loop) {
    const want = expected(script, variant, maxRetries);
    if (kind !== want.kind) problems.push(`kind ${kind}, expected ${want.kind}`);
    if (timedOut ? attempts > want.attempts : attempts !== want.attempts) {
      problems.push(
        `${attempts} attempts, expected ${want.attempts}; served ${seen.map((s) => s.fault).join(',')}`,
      );
    }
    const status = (outcome.error as { status?: number } | undefined)?.status;
    if (want.status !== undefined && kind === 'api' && status !== want.status) {
      problems.push(`status ${status}, expected ${want.status}`);
    }
  }

  // Secrets: nowhere in the error or the log lines.
  if (outcome.error) {
    const where = leakIn(outcome.error, logs, [SECRET_KEY]);
    if (where) problems.push(`secret leaked: ${where.slice(0, 300)}`);
    if (String(outcome.error.message).length > 2_000) problems.push('error message over 2000 characters');
  } else if (leakIn(null, logs, [SECRET_KEY])) {
    problems.push('secret leaked into a log line');
  }
  const requestLogs = logs.filter((l) => l.event === 'request').length;
  if (!loop && (timedOut ? requestLogs < seen.length : requestLogs !== seen.length))
    problems.push(`${requestLogs} request log lines, ${seen.length} requests`);

  return { problems, kind, attempts, elapsedMs };
}
