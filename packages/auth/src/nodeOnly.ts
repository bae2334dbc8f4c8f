import type { LavaError } from '@lava-sdk/core';
import { lavaError } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import type { Credentials } from './Credentials';
import type { LoginOptions } from './login';

// The edge build's stand-ins for the two functions that need Node's built-ins (node:http for the
// callback server, node:child_process to open a browser, node:crypto for the state). Runtimes that
// resolve the `node` export condition (Node, Deno, Bun) never load this module.
const needsNode = (what: string) =>
  lavaError(
    'config',
    `${what} needs Node.js, Deno or Bun (a callback server on 127.0.0.1 and a browser launcher): this ` +
      'runtime loaded the build of @lava-sdk/auth without Node built-ins, as Workers, edge functions and ' +
      'browsers do. Log in from a terminal (npx lava-login); exchangeAuthCode() works in every runtime.',
  );

/**
 * `login()` where Node's built-ins are missing (Cloudflare Workers, Vercel Edge, browsers): the browser
 * login flow needs a local callback server, so this returns a `config` LavaError without doing anything.
 * Node, Deno and Bun get the real {@link login} through the `node` export condition.
 *
 * @param _options - Ignored.
 * @returns A `config` LavaError saying the login needs Node.js.
 * @example
 * ```ts
 * const result = await login(); // in a Worker
 * result.isErr() && result.error.kind === 'config'; // true
 * ```
 */
export function login(_options?: LoginOptions): ResultAsync<Credentials, LavaError> {
  return errAsync(needsNode('login()'));
}

/**
 * `openBrowser()` where Node's built-ins are missing: rejects with a `config` LavaError.
 *
 * @param _url - Ignored.
 * @returns A promise rejected with a `config` LavaError.
 * @example
 * ```ts
 * await openBrowser('https://www.lava.so').catch((e) => console.log(e.kind)); // 'config'
 * ```
 */
export function openBrowser(_url: string): Promise<void> {
  return Promise.reject(needsNode('openBrowser()'));
}
