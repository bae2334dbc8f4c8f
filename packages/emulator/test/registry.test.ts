// The emulator's API is the registry's: every REST operation (OPERATIONS in @lava-sdk/core) is routed to
// the handler of its name, and nothing else is served under the base path but the two gateway proxies.
// And only the model changes the state.
import { readdirSync, readFileSync } from 'node:fs';
import { OPERATIONS } from '@lava-sdk/core/internal';
import { describe, expect, it } from 'vitest';
import { API_HANDLERS } from '../src/api';
import { createEmulator, EMULATOR_SECRET_KEY } from '../src/index';
import { match, ROUTES } from '../src/router';

const wired = OPERATIONS.filter((op) => 'wire' in op);

describe('routes from the registry', () => {
  it('has a handler for exactly the REST operations of the registry', () => {
    expect(Object.keys(API_HANDLERS).sort()).toEqual(wired.map((op) => op.name).sort());
  });

  it('serves under the base path only the registry wires and the two gateway proxies', () => {
    const api = ROUTES.filter((route) => route.area === 'api').map((r) => `${r.method} /${r.path}`);
    expect(api.sort()).toEqual(
      [...wired.map((op) => op.wire), 'ANY /forward', 'ANY /rewrite/{format}/{url*}'].sort(),
    );
  });

  it.each(wired.map((op) => [op.name, op.wire] as const))(
    '%s: %s reaches its handler',
    async (name, wire) => {
      const [method = '', template = ''] = wire.split(' ');
      const path = template.slice(1).replace(/\{[^}]+\}/g, 'x');
      const handler: unknown = API_HANDLERS[name as keyof typeof API_HANDLERS];
      const handle = typeof handler === 'function' ? handler : (handler as { handle: unknown }).handle;
      expect(match('api', method, path, `/v1/${path}`).route.handle).toBe(handle);
      const emulator = createEmulator();
      const res = await emulator.handle(
        new Request(`http://lava.local/v1/${path}`, {
          method,
          headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}`, 'content-type': 'application/json' },
          ...(method === 'GET' ? {} : { body: '{}' }),
        }),
      );
      const body = await res.json();
      // Its own answer (a 404 names the missing object), never the router's "No such endpoint" or 405.
      expect(res.status).not.toBe(405);
      expect(body.error?.message ?? '').not.toMatch(/^No such endpoint/);
    },
  );

  it('tries static paths before parametrised ones, and the most specific path decides the 405', () => {
    expect(match('api', 'GET', 'services/providers', '/v1/services/providers').route.path).toBe(
      'services/providers',
    );
    expect(() =>
      match('page', 'GET', 'embed/checkout/css_x/complete', '/embed/checkout/css_x/complete'),
    ).toThrow(/not allowed/);
    expect(match('page', 'GET', 'embed/checkout/a/b', '/embed/checkout/a/b').params.secret).toBe('a/b');
  });
});

describe('the model alone changes the state', () => {
  it('no module outside src/model/ takes the writable state', () => {
    const root = new URL('../src/', import.meta.url);
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    // `write(model)` is the model's writable handle on its state (model/model.ts).
    const writers = files.filter((f) => /\bwrite\(model\)/.test(readFileSync(new URL(f, root), 'utf8')));
    expect(writers.length).toBeGreaterThan(5);
    expect(writers.filter((f) => !f.startsWith('model/'))).toEqual([]);
  });
});
