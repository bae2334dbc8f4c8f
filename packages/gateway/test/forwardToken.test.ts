import { readFileSync } from 'node:fs';
import { createLava } from '@lava-sdk/core';
import { type ForwardTokenOptions, generateForwardToken } from '@lava-sdk/gateway';
import { Lava } from '@lavapayments/nodejs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_URL, SECRET_KEY, testLava } from '../../../test/helpers/lava';

const lava = testLava();
const official = new Lava(SECRET_KEY, { baseUrl: BASE_URL });
const decode = (token: string) => JSON.parse(Buffer.from(token, 'base64').toString('utf8'));

// Every combination the official SDK documents, plus the edge cases its code handles.
const combinations: [string, ForwardTokenOptions][] = [
  ['merchant (gateway mode)', {}],
  ['meter-only', { meter_slug: 'ai-usage' }],
  ['meter-only with explicit null customer', { customer_id: null, meter_slug: 'ai-usage' }],
  ['customer billing', { customer_id: 'con_123', meter_slug: 'ai-usage' }],
  ['billing disabled', { customer_id: 'con_123', meter_slug: 'ai-usage', disable_billing: true }],
  ['billing explicitly enabled', { customer_id: 'con_123', meter_slug: 'ai-usage', disable_billing: false }],
  ['bring your own key', { customer_id: null, meter_slug: null, provider_key: 'sk-proj-abc' }],
  ['merchant + own key', { provider_key: 'sk-ant-xyz' }],
  [
    'customer billing + own key',
    { customer_id: 'con_1', meter_slug: 'm', provider_key: 'k', disable_billing: true },
  ],
  ['explicit undefineds', { customer_id: undefined, meter_slug: undefined, provider_key: undefined }],
  ['non-ASCII values', { customer_id: 'cliënt_ü_日本_😀', meter_slug: 'mètre-€', provider_key: 'ключ' }],
];

describe('generateForwardToken', () => {
  it.each(combinations)(
    '%s: decodes to the same JSON as the official SDK, byte for byte',
    (_name, options) => {
      const ours = generateForwardToken(lava, options);
      const theirs = official.generateForwardToken(
        options as Parameters<typeof official.generateForwardToken>[0],
      );
      expect(decode(ours)).toEqual(decode(theirs));
      expect(ours).toBe(theirs);
    },
  );

  it('keeps the documented key order and drops undefined keys', () => {
    const token = generateForwardToken(lava, {
      customer_id: 'con_1',
      meter_slug: 'm',
      disable_billing: true,
    });
    expect(Buffer.from(token, 'base64').toString('utf8')).toBe(
      `{"secret_key":"${SECRET_KEY}","customer_id":"con_1","meter_slug":"m","disable_billing":true}`,
    );
    expect(decode(generateForwardToken(lava))).toEqual({ secret_key: SECRET_KEY });
    expect(
      decode(generateForwardToken(lava, { customer_id: null, meter_slug: null, provider_key: 'k' })),
    ).toEqual({
      secret_key: SECRET_KEY,
      customer_id: null,
      meter_slug: null,
      provider_key: 'k',
    });
  });

  it('is standard base64 (with + and /, padded), like Buffer', () => {
    const token = generateForwardToken(lava, { meter_slug: '>>>???~~~' });
    expect(token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(token.length % 4).toBe(0);
  });

  it('matches the official SDK for arbitrary Unicode values, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (customer, meter) => {
        const options = { customer_id: customer, meter_slug: meter, provider_key: customer + meter };
        expect(generateForwardToken(lava, options)).toBe(official.generateForwardToken(options));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the official SDK with non-ASCII options and a custom base URL', () => {
    const options = { customer_id: 'con_ünïcødé_🔑', meter_slug: 'mètre' };
    const ours = generateForwardToken(
      createLava({ secretKey: SECRET_KEY, baseUrl: 'https://example.test/v1' }),
      options,
    );
    expect(ours).toBe(new Lava(SECRET_KEY).generateForwardToken(options));
  });

  // Real keys are printable ASCII; anything else is a typo or a paste accident (a trailing newline), and
  // would break the Authorization header of every REST call, so it is refused the same way everywhere.
  it.each(['aks_live_ünïcødé_🔑', 'aks_live_a\nb', 'aks_live_a b'])(
    'refuses the key %j with a config error',
    (key) => {
      const lava = createLava({ secretKey: key });
      let thrown: unknown;
      try {
        generateForwardToken(lava, {});
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ kind: 'config' });
      expect(String((thrown as Error).message)).not.toContain('aks_live');
    },
  );

  it('accepts any object with a secretKey, so a token-only bundle needs no createLava', () => {
    expect(generateForwardToken({ secretKey: SECRET_KEY }, {})).toBe(official.generateForwardToken({}));
  });

  it('throws a config LavaError without a secret key', () => {
    const saved = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      expect(() => generateForwardToken(createLava({ baseUrl: BASE_URL }), {})).toThrow(
        expect.objectContaining({ kind: 'config', name: 'LavaError' }),
      );
      expect(() => generateForwardToken({ secretKey: '' }, {})).toThrow(
        expect.objectContaining({ kind: 'config' }),
      );
    } finally {
      if (saved !== undefined) process.env.LAVA_SECRET_KEY = saved;
    }
  });

  it('refuses to mint a token in a browser unless dangerouslyAllowBrowser', () => {
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      expect(() => generateForwardToken(lava, {})).toThrow(expect.objectContaining({ kind: 'config' }));
      const allowed = createLava({ secretKey: SECRET_KEY, dangerouslyAllowBrowser: true });
      expect(generateForwardToken(allowed, {})).toBe(official.generateForwardToken({}));
    } finally {
      delete g.document;
    }
  });

  it('never puts the key into the client context output', () => {
    expect(JSON.stringify(lava)).not.toContain(SECRET_KEY);
  });

  it('is pure: its module uses no Buffer and imports neither the transport nor valibot', () => {
    const source = readFileSync(new URL('../src/generateForwardToken.ts', import.meta.url), 'utf8');
    const code = source.replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bBuffer\b|process\./);
    const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['@lava-sdk/core', '@lava-sdk/core/internal']);
    expect(code).toMatch(/import \{ useSecretKey \} from '@lava-sdk\/core\/internal'/);
  });
});
