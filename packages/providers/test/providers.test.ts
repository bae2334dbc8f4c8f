import { createLava } from '@lava-sdk/core';
import {
  type ProviderName,
  providerApis,
  providerEndpoints,
  providers,
  providerUrl,
  providerUrls,
} from '@lava-sdk/providers';
import { Lava } from '@lavapayments/nodejs';
import { describe, expect, expectTypeOf, it } from 'vitest';

const KEY = 'aks_test_TESTKEYnotreal0123456789abcdef';
const BASES = ['https://api.lava.so/v1/', 'https://sandbox-api.lava.so/v1/', 'http://127.0.0.1:8787/v1/'];

describe('providers', () => {
  it('has the 27 documented providers plus googleOpenaiCompatible', () => {
    expect(Object.keys(providers)).toHaveLength(28);
    expect(providers.googleOpenaiCompatible).toBe('https://generativelanguage.googleapis.com/v1beta/openai');
    for (const upstream of Object.values(providers))
      expect(upstream).toMatch(/^https:\/\/[a-z0-9.-]+\/[^?#]*[^/]$/);
  });

  it.each(BASES)('providerUrls(lava) equals the official lava.providers for %s', (baseUrl) => {
    const official = new Lava(KEY, { baseUrl });
    const lava = createLava({ secretKey: KEY, baseUrl });
    expect(providerUrls(lava)).toEqual({ ...official.providers });
    expect(Object.keys(providerUrls(lava))).toEqual(Object.keys(official.providers));
    for (const name of Object.keys(providers) as ProviderName[]) {
      expect(providerUrl(lava, name)).toBe(official.providers[name]);
    }
  });

  it('matches the official upstream table, key for key', () => {
    const official = new Lava(KEY, { baseUrl: 'https://x.test/v1/' });
    const upstreams = Object.fromEntries(
      Object.entries(official.providers).map(([name, url]) => [
        name,
        url.replace('https://x.test/v1/forward?u=', ''),
      ]),
    );
    expect(providers).toEqual(upstreams);
  });

  it('leaves the upstream un-encoded, so a provider path can be appended', () => {
    const lava = createLava({ secretKey: KEY, baseUrl: 'https://api.lava.so/v1' });
    expect(providerUrl(lava, 'openai') + '/chat/completions').toBe(
      'https://api.lava.so/v1/forward?u=https://api.openai.com/v1/chat/completions',
    );
  });

  it('returns a frozen record and reads only the base URL (no key needed)', () => {
    const urls = providerUrls({ baseUrl: 'https://api.lava.so/v1/' });
    expect(Object.isFrozen(urls)).toBe(true);
    expect(urls.anthropic).toBe('https://api.lava.so/v1/forward?u=https://api.anthropic.com/v1');
  });

  it('throws invalid_params for an unknown name from untyped code, including inherited keys', () => {
    const lava = { baseUrl: 'https://api.lava.so/v1/' };
    expect(() => providerUrl(lava, 'opnai' as ProviderName)).toThrow(
      expect.objectContaining({ kind: 'invalid_params' }),
    );
    expect(() => providerUrl(lava, 'toString' as ProviderName)).toThrow(/unknown provider/);
  });

  it('types provider names as a literal union', () => {
    const lava = { baseUrl: 'https://api.lava.so/v1/' };
    expectTypeOf<ProviderName>().toEqualTypeOf<keyof typeof providers>();
    expectTypeOf<'openai'>().toExtend<ProviderName>();
    expectTypeOf(providerUrls(lava).moonshot).toBeString();
    // @ts-expect-error a misspelt provider name is a type error
    expect(() => providerUrl(lava, 'opnai')).toThrow();
    // @ts-expect-error so is an unknown key of the record
    expect(providers.gpt).toBeUndefined();
    // @ts-expect-error the record is read-only
    expect(() => (providerUrls(lava).openai = 'x')).toThrow(TypeError);
  });

  it('adds the slash a hand-made base URL lacks (the official SDK would call …/v1forward)', () => {
    expect(providerUrl({ baseUrl: 'https://api.lava.so/v1' }, 'openai')).toBe(
      'https://api.lava.so/v1/forward?u=https://api.openai.com/v1',
    );
    expect(providerUrls({ baseUrl: 'http://127.0.0.1:8787/v1' }).groq).toBe(
      'http://127.0.0.1:8787/v1/forward?u=https://api.groq.com/openai/v1',
    );
  });
});

describe('providerApis and providerEndpoints', () => {
  it('say the API of every provider, and Lava names both Google bases google', () => {
    expect(Object.keys(providerApis)).toEqual(Object.keys(providers));
    expect(providerApis.anthropic.api).toBe('anthropic');
    expect(providerApis.google).toMatchObject({ id: 'google', api: 'google' });
    expect(providerApis.googleOpenaiCompatible).toMatchObject({ id: 'google', api: 'openai-compatible' });
    for (const info of Object.values(providerApis)) {
      expect(providerEndpoints[info.api].length).toBeGreaterThan(0);
      for (const base of info.otherBases ?? []) expect(base).toMatch(/^https:\/\/[a-z0-9.-]+\/[^?#]*[^/]$/);
    }
  });

  it('list endpoints as METHOD /path with {name} segments', () => {
    for (const specs of Object.values(providerEndpoints)) {
      expect(new Set(specs).size).toBe(specs.length);
      for (const spec of specs)
        expect(spec).toMatch(/^(GET|POST|DELETE) (\/([a-z_-]+|\{[a-z_]+\})(:[a-zA-Z]+)?)+$/);
    }
    expect(providerEndpoints.openai).toContain('POST /responses');
    expect(providerEndpoints['openai-compatible']).not.toContain('POST /responses');
    expect(providerEndpoints.google).toContain('POST /models/{model}:streamGenerateContent');
  });
});
