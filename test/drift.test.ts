// Lava's documented responses, drifted the way a real service drifts between doc updates, through every
// REST operation in both modes of `responseValidation` and through the drop-in `Lava` class. Each example
// of test/helpers/docs-examples.ts is mutated mechanically: each field null, missing, of another type; each
// enum a new value; an extra field in each object; timestamps and decimal amounts spelled other ways.
// DOCUMENTED_FIELDS (from the docs, not the schemas) tells a documented value from a deviation.
//
// The rule (DESIGN.md, Errors): a 2xx is never turned into a lost result.
//   warn (default)  every usable body is Ok, as sent, reported once; only an unusable one (a list whose
//                   `data` is not an array) is Err, with the body.
//   strict          every deviation from the docs is Err(invalid_response), with the body; every documented
//                   value (null where the docs allow it, a new enum value, an extra field) is Ok.
//   Lava class      never rejects a 2xx JSON body, in either mode.
import {
  createLava,
  type LavaError,
  type LavaLogEntry,
  paginate,
  type ResponseIssues,
  type ResponseValidation,
} from '@lava-sdk/core';
import { listCustomers, retrieveCustomer } from '@lava-sdk/customers';
import { Lava } from 'lava-sdk';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  CALLS,
  DOCS_EXAMPLES,
  DOCUMENTED_FIELDS,
  type DocumentedFields,
  ENUM_FIELDS,
} from './helpers/docs-examples';
import { customer, page } from './helpers/fixtures';
import { BASE_URL, mockApi, SECRET_KEY, useMsw } from './helpers/lava';
import { callOf, WIRED } from './helpers/operations';

useMsw();
afterEach(() => vi.unstubAllEnvs());

/** What the docs say of a drift: a documented value, a deviation, a body no caller could use, or a spelling. */
type Expected = 'documented' | 'deviation' | 'unusable' | 'spelling';
type Kind = 'null' | 'missing' | 'type' | 'enum' | 'extra' | 'timestamp' | 'decimal';

interface Drift {
  kind: Kind;
  /** The dotted path of the field mutated (`''` for the root). */
  path: string;
  /** What was done, for failure messages. */
  what: string;
  body: unknown;
  expected: Expected;
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const DECIMAL = /^-?\d+\.\d+$/;
const EXTRA = 'added_by_lava';

const pattern = (path: string) => path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
/** Is `path` at or under one of `prefixes` (`*` standing for any one key)? */
const within = (path: string, prefixes: readonly string[] = []) =>
  prefixes.some((prefix) => {
    const want = prefix.split('.');
    const have = path.split('.');
    return have.length >= want.length && want.every((key, i) => key === '*' || key === have[i]);
  });

function mutate(body: unknown, path: string, change: (parent: Record<string, unknown>, key: string) => void) {
  const copy = structuredClone(body) as Record<string, unknown>;
  if (path === '') {
    change({ '': copy }, '');
    return copy;
  }
  const keys = path.split('.');
  const last = keys.pop()!;
  let parent = copy;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  change(parent, last);
  return copy;
}

/** Another JSON type for a value: a count sent as a string, a string as a number, an object as a string. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { item: value[0] ?? null };
  return 'object sent as a string';
}

/** Every mechanical drift of one documented body. */
function drifts(body: unknown, docs: DocumentedFields, list: boolean): Drift[] {
  const out: Drift[] = [];
  const documented = [...(docs.nullable ?? []), ...(docs.optional ?? [])];
  const classify = (kind: Kind, path: string, typeChange: boolean): Expected => {
    const p = pattern(path);
    if (within(p, docs.any)) return 'documented';
    if (kind === 'enum' || kind === 'extra') return 'documented';
    if (!typeChange && (kind === 'timestamp' || kind === 'decimal')) return 'spelling';
    if (list && p === 'data') return 'unusable';
    if ((kind === 'null' || kind === 'missing') && documented.includes(p)) return 'documented';
    return 'deviation';
  };
  const add = (kind: Kind, path: string, what: string, value: unknown, typeChange = true) =>
    out.push({
      kind,
      path,
      what: `${path || '(root)'}: ${what}`,
      body: mutate(body, path, (parent, key) => {
        if (kind === 'missing') delete parent[key];
        else parent[key] = value;
      }),
      expected: classify(kind, path, typeChange),
    });
  const walk = (value: unknown, path: string, inArray: boolean) => {
    const key = path.split('.').pop() ?? '';
    if (path !== '') {
      if (!inArray) add('missing', path, 'missing', undefined);
      if (value !== null) {
        add('null', path, 'null', null);
        const swapped = otherType(value);
        add('type', path, `${typeof value} sent as ${JSON.stringify(swapped)}`, swapped);
      }
      if (typeof value === 'string' && ENUM_FIELDS.includes(key))
        add('enum', path, 'a new enum value', 'value_added_later', false);
      if (typeof value === 'string' && ISO_TIME.test(value)) {
        const ms = Date.parse(value);
        add('timestamp', path, 'Unix seconds', Math.floor(ms / 1000));
        add('timestamp', path, 'a space, no zone', value.replace('T', ' ').replace(/Z$/, ''), false);
        add('timestamp', path, 'an offset', new Date(ms).toISOString().replace('Z', '+00:00'), false);
      }
      if (typeof value === 'string' && DECIMAL.test(value)) {
        add('decimal', path, 'a JSON number', Number(value));
        add('decimal', path, 'no trailing zeros', String(Number(value)), false);
        add('decimal', path, 'an exponent', Number(value).toExponential(), false);
      }
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, path ? `${path}.${i}` : `${i}`, true);
    } else if (typeof value === 'object' && value !== null) {
      const extra = path ? `${path}.${EXTRA}` : EXTRA;
      out.push({
        kind: 'extra',
        path: extra,
        what: `${extra}: an undocumented field`,
        body: mutate(body, path, (parent, k) => {
          Object.assign(path === '' ? (parent[''] as object) : (parent[k] as object), {
            [EXTRA]: { nested: [1, 'two'] },
          });
        }),
        expected: classify('extra', extra, false),
      });
      for (const [k, item] of Object.entries(value)) walk(item, path ? `${path}.${k}` : k, false);
    }
  };
  walk(body, '', false);
  return out;
}

const at = (value: unknown, path: string) =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], value);

/** Is the issue about this field (or the object that holds it, or something inside it)? */
const concerns = (issuePath: string, path: string) =>
  issuePath === path ||
  path.startsWith(`${issuePath}.`) ||
  issuePath.startsWith(`${path}.`) ||
  issuePath === '';

// ------------------------------------------------------------------------------------------ the tallies

const tally = {
  cases: { warn: 0, strict: 0 },
  warnErr: 0,
  warnErrUnusable: 0,
  unusable: 0,
  invalidResponses: 0,
  invalidResponsesWithBody: 0,
  refusable: 0,
  refused: 0,
  documented: 0,
  documentedAccepted: 0,
  spellings: 0,
  spellingsAcceptedStrict: 0,
  deviatingWarn: 0,
  reportedOnce: 0,
  lavaClass: { warn: 0, strict: 0 },
  lavaClassRejected: 0,
};

afterAll(() => {
  const t = tally;
  console.log(
    [
      `[drift] ${WIRED.length} operations, ${t.cases.warn} drifted bodies per mode (${t.cases.warn + t.cases.strict} calls)`,
      `[drift] default client (warn): ${t.warnErr} of ${t.cases.warn - t.unusable / 2} usable drifts turned into Err (target 0); ${t.warnErrUnusable} of ${t.unusable / 2} lists without a data array are Err`,
      `[drift] Err(invalid_response) keeping the body (body and rawBody): ${t.invalidResponsesWithBody} of ${t.invalidResponses}`,
      `[drift] strict: a required field missing or null, or a type change, refused: ${t.refused} of ${t.refusable}`,
      `[drift] strict: documented values (null or absent where documented, new enum values, extra fields, any metadata) accepted: ${t.documentedAccepted} of ${t.documented}`,
      `[drift] strict: other timestamp and decimal spellings accepted: ${t.spellingsAcceptedStrict} of ${t.spellings}`,
      `[drift] warn: deviating responses reported exactly once (onResponseIssues and logger): ${t.reportedOnce} of ${t.deviatingWarn}`,
      `[drift] Lava class: 2xx JSON bodies rejected: ${t.lavaClassRejected} of ${t.lavaClass.warn + t.lavaClass.strict} (target 0)`,
    ].join('\n'),
  );
});

// ------------------------------------------------------------------------------------------ the runs

function clientFor(mode: ResponseValidation, reports: ResponseIssues[], logs: LavaLogEntry[]) {
  return createLava({
    secretKey: SECRET_KEY,
    baseUrl: BASE_URL,
    retryDelayMs: 1,
    responseValidation: mode,
    onResponseIssues: (r) => reports.push(r),
    logger: (entry) => entry.event === 'response_issues' && logs.push(entry),
  });
}

function check(error: LavaError, drift: Drift) {
  tally.invalidResponses++;
  expect(error.kind, drift.what).toBe('invalid_response');
  if (error.kind !== 'invalid_response') return;
  expect(error.body, drift.what).toEqual(drift.body);
  expect(error.rawBody, drift.what).toBe(JSON.stringify(drift.body));
  tally.invalidResponsesWithBody++;
}

for (const mode of ['warn', 'strict'] as const) {
  describe(`responseValidation: '${mode}'`, () => {
    for (const op of WIRED) {
      const docs = DOCUMENTED_FIELDS[op.name] ?? {};
      it(`${op.name}: every drift of its documented examples`, async () => {
        let current: unknown;
        mockApi(() => current as never);
        // exchangeAuthCode makes its own client: it reads the mode from the environment.
        vi.stubEnv('LAVA_RESPONSE_VALIDATION', mode);
        const reports: ResponseIssues[] = [];
        const logs: LavaLogEntry[] = [];
        const call = callOf(op.name, op.package, clientFor(mode, reports, logs));
        for (const example of DOCS_EXAMPLES[op.name] ?? []) {
          const list =
            Array.isArray((example.body as { data?: unknown }).data) && op.name !== 'searchProviders';
          for (const drift of drifts(example.body, docs, list)) {
            current = drift.body;
            reports.length = 0;
            logs.length = 0;
            tally.cases[mode]++;
            const result = await call();
            if (drift.expected === 'unusable') {
              tally.unusable++;
              expect(result.isErr(), drift.what).toBe(true);
              if (result.isErr()) {
                check(result.error, drift);
                if (mode === 'warn') tally.warnErrUnusable++;
              }
              continue;
            }
            if (mode === 'warn') {
              if (result.isErr()) {
                tally.warnErr++;
                throw new Error(`${op.name} ${drift.what}: ${result.error.kind}: ${result.error.message}`);
              }
              // The body as sent, every field kept; a documented-nullable field that is absent reads as null.
              expect(result.value, drift.what).toMatchObject(drift.body as object);
              if (drift.kind === 'missing' && docs.nullable?.includes(pattern(drift.path)))
                expect(at(result.value, drift.path), drift.what).toBeNull();
              if (drift.expected === 'deviation') {
                tally.deviatingWarn++;
                expect(reports, drift.what).toHaveLength(op.name === 'exchangeAuthCode' ? 0 : 1);
                if (op.name !== 'exchangeAuthCode') {
                  expect(logs, drift.what).toHaveLength(1);
                  expect(logs[0]).toMatchObject({ level: 'warn', issues: reports[0]!.issues });
                  expect(reports[0]!.requestId).toBe('req_test_1');
                  expect(reports[0]!.operation).toBe(op.wire);
                  expect(
                    reports[0]!.issues.some((i) => concerns(i.path, drift.path)),
                    drift.what,
                  ).toBe(true);
                }
                tally.reportedOnce++;
              }
              if (drift.expected === 'documented') expect(reports, drift.what).toHaveLength(0);
              continue;
            }
            // strict
            if (drift.expected === 'deviation') {
              tally.refusable++;
              expect(result.isErr(), drift.what).toBe(true);
              if (result.isErr()) {
                check(result.error, drift);
                const { issues } = result.error as { issues: readonly { path: string }[] };
                expect(
                  issues.some((i) => concerns(i.path, drift.path)),
                  `${drift.what}: ${JSON.stringify(issues)}`,
                ).toBe(true);
                tally.refused++;
              }
            } else if (drift.expected === 'documented') {
              tally.documented++;
              if (result.isErr()) throw new Error(`${op.name} ${drift.what}: ${result.error.message}`);
              expect(reports, drift.what).toHaveLength(0);
              tally.documentedAccepted++;
            } else {
              tally.spellings++;
              if (result.isOk()) tally.spellingsAcceptedStrict++;
              else check(result.error, drift);
            }
          }
        }
      });
    }

    it('the Lava class never rejects a 2xx JSON body, however it drifts', async () => {
      let current: unknown;
      mockApi(() => current as never);
      const lava = new Lava(SECRET_KEY, { baseUrl: BASE_URL, retryDelayMs: 1, responseValidation: mode });
      for (const op of WIRED) {
        if (!('official' in op) || op.official.startsWith('Lava.')) continue;
        const [resource, method] = op.official.split('.') as [string, string];
        const fn = (lava as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[
          resource
        ]![method]!;
        for (const example of DOCS_EXAMPLES[op.name] ?? []) {
          for (const drift of drifts(example.body, DOCUMENTED_FIELDS[op.name] ?? {}, false)) {
            current = drift.body;
            tally.lavaClass[mode]++;
            const value = await fn(...(CALLS[op.name] ?? [])).catch((error: LavaError) => {
              tally.lavaClassRejected++;
              throw new Error(`${op.official} ${drift.what}: ${error.kind}: ${error.message}`);
            });
            expect(value, drift.what).toMatchObject(drift.body as object);
          }
        }
      }
    });
  });
}

describe('warn mode, beyond one call', () => {
  it('pagination goes on over a page whose items drift', async () => {
    const drifted = { ...customer, customer_id: 'con_2', created_at: 1767225600, reference_id: undefined };
    mockApi((seen) =>
      seen.query.cursor === 'c2'
        ? page([{ ...customer, customer_id: 'con_3' }])
        : page([customer, drifted], 'c2'),
    );
    const reports: ResponseIssues[] = [];
    const lava = clientFor('warn', reports, []);
    const ids: unknown[] = [];
    for await (const item of paginate(listCustomers, lava)) ids.push(item._unsafeUnwrap().customer_id);
    expect(ids).toEqual(['con_test_01EXAMPLE000', 'con_2', 'con_3']);
    expect(reports).toEqual([
      {
        operation: 'GET /customers',
        requestId: 'req_test_1',
        status: 200,
        issues: [
          { path: 'data.1.created_at', message: 'Invalid type: Expected string but received 1767225600' },
        ],
      },
    ]);
  });

  it('the project’s own tests run strict (vitest.config.ts), so emulator and schemas cannot drift apart', async () => {
    expect(process.env.LAVA_RESPONSE_VALIDATION).toBe('strict');
    mockApi(() => ({ ...customer, created_at: 1 }));
    const lava = createLava({ secretKey: SECRET_KEY, baseUrl: BASE_URL });
    expect((await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});
