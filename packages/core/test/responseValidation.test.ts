// `responseValidation`: what a 2xx that differs from Lava's docs becomes in each mode, what the error keeps
// of it, and how it is reported. The mechanical drift of every operation is test/drift.test.ts.
import { inspect } from 'node:util';
import {
  createLava,
  isLavaError,
  type LavaError,
  type LavaLogEntry,
  type LavaOptions,
  type ResponseIssues,
} from '@lava-sdk/core';
import { issueError, rawRequest } from '@lava-sdk/core/internal';
import { listCustomers, retrieveCustomer } from '@lava-sdk/customers';
import { createSecretKey } from '@lava-sdk/secret-keys';
import { createSpendKey } from '@lava-sdk/spend-keys';
import { Lava } from 'lava-sdk';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { DOCS_EXAMPLES } from '../../../test/helpers/docs-examples';
import { customer } from '../../../test/helpers/fixtures';
import { BASE_URL, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();

const NEW_KEY = 'lava_sk_NEWSECRETshownonce0123456789';
const NEW_SECRET_KEY = 'aks_live_NEWMERCHANTKEYshownonce0123456789';
const spendKeyExample = DOCS_EXAMPLES.createSpendKey![0]!.body as Record<string, unknown>;
const secretKeyExample = DOCS_EXAMPLES.createSecretKey![0]!.body as Record<string, unknown>;

/** Every place an error could be printed or shipped. */
const surfaces = (error: LavaError, logs: unknown[] = []) => [
  error.message,
  String(error.stack),
  String(error),
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
  JSON.stringify(logs),
];

describe('warn (the default)', () => {
  it('is the default; LAVA_RESPONSE_VALIDATION picks strict for a client made without the option', async () => {
    mockApi(() => ({ ...customer, created_at: 1 }));
    const client = (options: LavaOptions = {}) =>
      createLava({ secretKey: SECRET_KEY, baseUrl: BASE_URL, maxRetries: 0, ...options });
    vi.stubEnv('LAVA_RESPONSE_VALIDATION', '');
    expect((await retrieveCustomer(client(), 'con_1')).isOk()).toBe(true);
    vi.stubEnv('LAVA_RESPONSE_VALIDATION', 'strict');
    expect((await retrieveCustomer(client(), 'con_1')).isErr()).toBe(true);
    expect((await retrieveCustomer(client({ responseValidation: 'warn' }), 'con_1')).isOk()).toBe(true);
    vi.stubEnv('LAVA_RESPONSE_VALIDATION', 'loose');
    expect((await retrieveCustomer(client(), 'con_1'))._unsafeUnwrapErr().kind).toBe('config');
    vi.unstubAllEnvs();
  });

  it('returns a drifted body as sent, reads an absent nullable field as null, and reports it once', async () => {
    const drifted = {
      ...spendKeyExample,
      key: NEW_KEY,
      total_requests: '7',
      expires_at: undefined,
      extra: 1,
    };
    mockApi(() => drifted);
    const reports: ResponseIssues[] = [];
    const logs: LavaLogEntry[] = [];
    const lava = testLava({
      responseValidation: 'warn',
      onResponseIssues: (r) => reports.push(r),
      logger: (e) => logs.push(e),
    });
    const key = (await createSpendKey(lava, { name: 'agent' }))._unsafeUnwrap();
    // The raw key, shown once, reaches the caller; so does the count sent as a string, and the extra field.
    expect(key).toMatchObject({ key: NEW_KEY, total_requests: '7', extra: 1, expires_at: null });
    const issues = [{ path: 'total_requests', message: 'Invalid type: Expected number but received "7"' }];
    expect(reports).toEqual([
      { operation: 'POST /spend_keys', requestId: 'req_test_1', status: 200, issues },
    ]);
    expect(logs.filter((e) => e.level === 'warn')).toEqual([
      {
        level: 'warn',
        event: 'response_issues',
        method: 'POST',
        url: `${BASE_URL}spend_keys`,
        attempt: 1,
        operation: 'POST /spend_keys',
        requestId: 'req_test_1',
        status: 200,
        issues,
      },
    ]);
  });

  it('reports nothing for a body that matches the docs', async () => {
    mockApi(() => customer);
    const reports: ResponseIssues[] = [];
    const lava = testLava({ responseValidation: 'warn', onResponseIssues: (r) => reports.push(r) });
    expect((await retrieveCustomer(lava, 'con_1')).isOk()).toBe(true);
    expect(reports).toEqual([]);
  });

  it('a callback or logger that throws changes nothing', async () => {
    mockApi(() => ({ ...customer, created_at: 1 }));
    const lava = testLava({
      responseValidation: 'warn',
      onResponseIssues: () => {
        throw new Error('callback');
      },
      logger: () => {
        throw new Error('logger');
      },
    });
    expect((await retrieveCustomer(lava, 'con_1'))._unsafeUnwrap()).toMatchObject({ created_at: 1 });
  });

  it('names the operation by its wire (no id of the call), and masks values quoted in issues', async () => {
    mockApi(() => ({ ...customer, created_at: `echo ${SECRET_KEY}`, contact: 5 }));
    const reports: ResponseIssues[] = [];
    const lava = testLava({ responseValidation: 'warn', onResponseIssues: (r) => reports.push(r) });
    await retrieveCustomer(lava, 'con_1');
    expect(reports[0]?.operation).toBe('GET /customers/{customer_id}');
    expect(reports[0]?.issues.map((i) => i.path)).toEqual(['contact']);
    mockApi(() => ({ ...customer, created_at: 7, reference_id: { echoed: SECRET_KEY } }));
    await retrieveCustomer(lava, 'con_1');
    expect(JSON.stringify(reports)).not.toContain(SECRET_KEY);
  });
});

describe('strict', () => {
  it('refuses a deviation with invalid_response, which keeps the body: a new spend key is recoverable', async () => {
    const sent = { ...spendKeyExample, key: NEW_KEY, total_spend: null };
    mockApi(() => sent);
    const logs: LavaLogEntry[] = [];
    const reports: ResponseIssues[] = [];
    const lava = testLava({ logger: (e) => logs.push(e), onResponseIssues: (r) => reports.push(r) });
    const error = (await createSpendKey(lava, { name: 'agent' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, requestId: 'req_test_1' });
    if (error.kind !== 'invalid_response') return;
    expect(error.issues).toEqual([
      { path: 'total_spend', message: 'Invalid type: Expected string but received null' },
    ]);
    expect(error.body).toEqual(sent);
    expect(error.rawBody).toBe(JSON.stringify(sent));
    expect((error.body as { key: string }).key).toBe(NEW_KEY);
    // Strict mode reports too: one place to watch for drift, whatever the mode.
    expect(reports).toHaveLength(1);
    // Not enumerable: no serialisation, inspection or log line shows the body or the new key.
    expect(Object.keys(error)).not.toContain('body');
    expect(Object.keys(error)).not.toContain('rawBody');
    for (const text of surfaces(error, logs)) expect(text).not.toContain(NEW_KEY);
    expect({ ...error }).not.toHaveProperty('body');
  });

  it('keeps a new secret key in the body, out of every serialisation', async () => {
    const sent = { ...secretKeyExample, secret_key: NEW_SECRET_KEY, name: 7 };
    mockApi(() => sent);
    const error = (await createSecretKey(testLava(), { name: 'ci' }))._unsafeUnwrapErr();
    if (error.kind !== 'invalid_response') throw error;
    expect(error.issues.map((i) => i.path)).toEqual(['name']);
    expect((error.body as { secret_key: string }).secret_key).toBe(NEW_SECRET_KEY);
    expect(error.rawBody).toBe(JSON.stringify(sent));
    for (const text of surfaces(error)) expect(text).not.toContain(NEW_SECRET_KEY);
  });

  it('masks a credential an issue quotes, in the message and the issues, not in the body', async () => {
    mockApi(() => ({ ...spendKeyExample, key: NEW_KEY, current_requests: NEW_KEY }));
    const error = (await createSpendKey(testLava(), { name: 'agent' }))._unsafeUnwrapErr();
    if (error.kind !== 'invalid_response') throw error;
    expect(error.issues).toEqual([
      { path: 'current_requests', message: 'Invalid type: Expected number but received "[redacted]"' },
    ]);
    for (const text of surfaces(error)) expect(text).not.toContain(NEW_KEY);
    expect(error.body).toMatchObject({ key: NEW_KEY, current_requests: NEW_KEY });
  });

  it("masks the call's own key, should a 2xx echo it, in body and rawBody alike", async () => {
    mockApi(() => ({ ...customer, created_at: 1, reference_id: SECRET_KEY }));
    const error = (await retrieveCustomer(testLava(), 'con_1'))._unsafeUnwrapErr();
    if (error.kind !== 'invalid_response') throw error;
    expect(error.body).toEqual({ ...customer, created_at: 1, reference_id: '[redacted]' });
    expect(error.rawBody).not.toContain(SECRET_KEY);
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain(SECRET_KEY);
  });
});

describe('in both modes', () => {
  const modes = ['warn', 'strict'] as const;

  it.each(modes)('%s: a body that is not JSON is Err, with its text', async (responseValidation) => {
    mockApi(() => new HttpResponse('<html>maintenance</html>', { status: 200 }));
    const reports: ResponseIssues[] = [];
    const lava = testLava({ responseValidation, onResponseIssues: (r) => reports.push(r) });
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_response', rawBody: '<html>maintenance</html>' });
    expect('body' in error).toBe(false);
    expect(error.message).toBe('Unexpected response from Lava (200): body is not JSON');
    expect(reports).toEqual([
      {
        operation: 'GET /customers/{customer_id}',
        requestId: undefined,
        status: 200,
        issues: [{ path: '', message: 'body is not JSON' }],
      },
    ]);
  });

  it.each(modes)(
    '%s: a JSON root that is not an object is Err, with the body',
    async (responseValidation) => {
      mockApi(() => [customer]);
      const error = (await retrieveCustomer(testLava({ responseValidation }), 'con_1'))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'invalid_response', body: [customer] });
    },
  );

  it.each(modes)(
    '%s: a list whose data is not an array is Err, with the body',
    async (responseValidation) => {
      mockApi(() => ({ data: { items: [customer] }, has_more: false, next_cursor: null }));
      const error = (await listCustomers(testLava({ responseValidation })))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'invalid_response', body: { data: { items: [customer] } } });
      if (error.kind === 'invalid_response') expect(error.issues[0]?.path).toBe('data');
    },
  );

  it('an unknown mode is a config error, and nothing is sent', async () => {
    const seen = mockApi(() => customer);
    const lava = testLava({ responseValidation: 'off' as never });
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'config',
      message: 'Invalid responseValidation: must be "warn" or "strict"',
    });
    expect(seen).toHaveLength(0);
  });

  it('the message names ten issues at most; the issues list them all', async () => {
    mockApi(() => ({
      data: Array.from({ length: 12 }, () => ({ ...customer, created_at: 0 })),
      has_more: false,
    }));
    const error = (await listCustomers(testLava()))._unsafeUnwrapErr();
    if (error.kind !== 'invalid_response') throw error;
    expect(error.issues).toHaveLength(12);
    expect(error.message).toMatch(/data\.9\.created_at: [^;]+; and 2 more$/);
  });

  it('an invalid_response keeps body and rawBody out of sight, and out of reach of assignment', () => {
    const error = issueError(
      [],
      { status: 200 },
      { body: { secret_key: NEW_SECRET_KEY }, rawBody: NEW_SECRET_KEY },
    );
    expect(error).toMatchObject({ body: { secret_key: NEW_SECRET_KEY }, rawBody: NEW_SECRET_KEY });
    expect(isLavaError(error)).toBe(true);
    for (const text of surfaces(error)) expect(text).not.toContain(NEW_SECRET_KEY);
    expect(() => Object.assign(error, { rawBody: 'x' })).toThrow(TypeError);
  });
});

describe('the drop-in Lava class', () => {
  it('resolves a body strict mode refuses, and rejects only a body that is not JSON', async () => {
    const sent = { ...spendKeyExample, key: NEW_KEY, total_spend: null };
    mockApi(() => sent);
    const reports: ResponseIssues[] = [];
    const lava = new Lava(SECRET_KEY, {
      baseUrl: BASE_URL,
      responseValidation: 'strict',
      onResponseIssues: (r) => reports.push(r),
    });
    expect(await lava.spendKeys.create({ name: 'agent' })).toEqual(sent);
    expect(reports).toHaveLength(1);
    mockApi(() => new HttpResponse('not json', { status: 200 }));
    await expect(lava.customers.retrieve('con_1')).rejects.toMatchObject({
      kind: 'invalid_response',
      rawBody: 'not json',
    });
  });

  it("request() keeps a non-JSON 2xx's text on the error", async () => {
    mockApi(() => new HttpResponse(`plain text ${SECRET_KEY}`, { status: 200 }));
    const error = (await rawRequest(testLava(), { method: 'GET', path: 'customers' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_response', rawBody: 'plain text [redacted]' });
  });
});
