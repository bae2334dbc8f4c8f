import { readFileSync } from 'node:fs';
import * as node from '@lava-sdk/auth';
import { isLavaError } from '@lava-sdk/core';
import { describe, expect, it } from 'vitest';
import * as edge from '../src/edge';
import { credentials, startApi } from './helpers/servers';

// The build Workers, edge functions and browsers resolve (package.json: the default condition; Node,
// Deno and Bun take the `node` one). The smoke test runs it for real in workerd from the packed tarball.
describe('@lava-sdk/auth without Node built-ins (the edge entry)', () => {
  it('exports the same names as the Node entry', () => {
    expect(Object.keys(edge).sort()).toEqual(Object.keys(node).sort());
  });

  it('is what the exports map gives every runtime but Node, Deno and Bun', () => {
    const { exports } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    // `node` first, so a bundler targeting Node (which also matches `module`) gets the real login code.
    expect(Object.keys(exports['.'])).toEqual(['node', 'module', 'import', 'require']);
    expect(exports['.'].node.import.default).toBe('./dist/index.js');
    expect(exports['.'].module.default).toBe('./dist/modules/edge.js');
    expect(exports['.'].import.default).toBe('./dist/edge.js');
    expect(exports['.'].require.default).toBe('./dist/edge.cjs');
  });

  it('login() returns a config error that says it needs Node, and starts nothing', async () => {
    let opened = false;
    const result = await edge.login({
      openBrowser: () => {
        opened = true;
      },
    });
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(isLavaError(error)).toBe(true);
    expect(error.kind).toBe('config');
    expect(error.message).toMatch(/^login\(\) needs Node\.js, Deno or Bun/);
    expect(error.message).toContain('exchangeAuthCode() works in every runtime');
    expect(opened).toBe(false);
  });

  it('openBrowser() rejects with a config error', async () => {
    await expect(edge.openBrowser('https://www.lava.so')).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/^openBrowser\(\) needs Node\.js/),
    });
  });

  it('exchangeAuthCode() is the real one: it exchanges a code over fetch', async () => {
    const api = await startApi();
    const result = await edge.exchangeAuthCode({ code: 'abc123', baseUrl: api.baseUrl });
    expect(result._unsafeUnwrap()).toEqual(credentials);
    expect(api.seen[0]).toMatchObject({ method: 'POST', path: '/v1/auth/callback' });
  });
});
