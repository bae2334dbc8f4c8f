// The SDK calls the fault suite drives, and the oracle of what each fault must end in.
import {
  type CallOptions,
  createLava,
  type LavaClient,
  type LavaLogEntry,
  type LavaOptions,
} from '@lava-sdk/core';
import { createCustomer, deleteCustomer, retrieveCustomer, updateCustomer } from '@lava-sdk/customers';
import { type Fault, RETRYABLE_FAULTS, SECRET_KEY, transportOptions } from './harness';

export interface Variant {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** The caller's Idempotency-Key, if any. */
  key?: string;
  /** Returns the function's ResultAsync (typed loosely: the suite inspects it at run time). */
  call(lava: LavaClient, options: CallOptions): unknown;
}

export const VARIANTS: Variant[] = [
  {
    name: 'GET retrieveCustomer',
    method: 'GET',
    path: '/v1/customers/con_1',
    call: (lava, o) => retrieveCustomer(lava, 'con_1', o),
  },
  {
    name: 'POST createCustomer',
    method: 'POST',
    path: '/v1/customers',
    call: (lava, o) => createCustomer(lava, { email: 'ada@example.com', metadata: { plan: 'pro' } }, o),
  },
  {
    name: 'POST createCustomer (caller key)',
    method: 'POST',
    path: '/v1/customers',
    key: 'idem-caller-0001',
    call: (lava, o) =>
      createCustomer(lava, { email: 'ada@example.com' }, { ...o, idempotencyKey: 'idem-caller-0001' }),
  },
  {
    name: 'PATCH updateCustomer',
    method: 'PATCH',
    path: '/v1/customers/con_1',
    call: (lava, o) => updateCustomer(lava, 'con_1', { name: 'Ada' }, o),
  },
  {
    name: 'PATCH updateCustomer (caller key)',
    method: 'PATCH',
    path: '/v1/customers/con_1',
    key: 'idem-caller-0002',
    call: (lava, o) =>
      updateCustomer(lava, 'con_1', { name: 'Ada' }, { ...o, idempotencyKey: 'idem-caller-0002' }),
  },
  {
    name: 'DELETE deleteCustomer',
    method: 'DELETE',
    path: '/v1/customers/con_1',
    call: (lava, o) => deleteCustomer(lava, 'con_1', o),
  },
  {
    name: 'DELETE deleteCustomer (caller key)',
    method: 'DELETE',
    path: '/v1/customers/con_1',
    key: 'idem-caller-0003',
    call: (lava, o) => deleteCustomer(lava, 'con_1', { ...o, idempotencyKey: 'idem-caller-0003' }),
  },
];

/** A POST always carries a key (generated if the caller gave none); other writes only the caller's. */
export const retryable = (v: Variant): boolean =>
  v.method === 'GET' || v.method === 'POST' || v.key !== undefined;

/** The outcome one answer leads to, before any retry. */
export function outcomeOf(fault: Fault): { kind: string; status?: number } {
  if (fault.startsWith('retry-after:')) return { kind: 'api', status: Number(fault.split(':')[1]) };
  // REST calls never follow a redirect (core sends them with redirect: 'manual'): a 3xx is an api error.
  if (fault.startsWith('redirect:')) return { kind: 'api', status: Number(fault.split(':')[1]) };
  switch (fault) {
    case 'ok':
    case 'wrong-ct-ok':
    case 'huge-ok':
    case 'stream-forever':
      return { kind: 'ok' };
    case 'redirect-cross':
    case 'redirect-loop':
      return { kind: 'api', status: 307 };
    case 'reset':
    case 'drop-mid-body':
    case 'bad-gzip':
    case 'bad-chunked':
    case 'garbage':
      return { kind: 'network' };
    case 'stall-headers':
    case 'stall-body':
      return { kind: 'timeout' };
    case 'truncated-json':
    case 'non-json':
    case 'html-200':
    case 'json-ct-html':
    case 'empty-204':
    case 'huge-junk':
      return { kind: 'invalid_response' };
    case '429':
    case '429-ra-0':
      return { kind: 'api', status: 429 };
    case '503':
    case '503-ra-past-date':
    case '503-ra-huge':
      return { kind: 'api', status: 503 };
    case '500-html':
    case 'huge-html-500':
      return { kind: 'api', status: 500 };
    case '502-html-key':
      return { kind: 'api', status: 502 };
    case '401-echo-key':
      return { kind: 'api', status: 401 };
    default:
      return { kind: 'api', status: Number(fault) };
  }
}

/**
 * Simulates the documented retry policy over a script of answers: the expected final kind and the
 * number of attempts. `redirect-loop` is left out (one attempt spans many requests).
 */
export function expected(
  script: readonly Fault[],
  variant: Variant,
  maxRetries: number,
): { kind: string; status?: number; attempts: number } {
  for (let n = 1; ; n++) {
    const fault = script[Math.min(n - 1, script.length - 1)]!;
    const outcome = outcomeOf(fault);
    const again =
      outcome.kind !== 'ok' &&
      RETRYABLE_FAULTS.has(fault) &&
      fault !== '503-ra-huge' &&
      retryable(variant) &&
      n <= maxRetries;
    if (!again) return { ...outcome, attempts: n };
  }
}

export interface Harnessed {
  lava: LavaClient;
  logs: LavaLogEntry[];
}

/** A client on one scenario with small budgets, collecting its log lines. */
export function client(baseUrl: string, options: LavaOptions = {}): Harnessed {
  const logs: LavaLogEntry[] = [];
  const lava = createLava({
    secretKey: SECRET_KEY,
    baseUrl,
    timeoutMs: 400,
    maxRetries: 2,
    retryDelayMs: 5,
    logger: (entry) => logs.push(entry),
    ...transportOptions,
    ...options,
  });
  return { lava, logs };
}
