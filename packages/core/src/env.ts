/**
 * Reads an environment variable without touching a bare `process`, so the same code runs in
 * Node, Deno, Bun, Cloudflare Workers, Vercel Edge and browsers.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value || undefined;
}

/**
 * {@link readEnv} for a setting consulted only when it is set: it never throws, and in Deno it never asks
 * for a permission (it reads the variable only when env access to it is granted already).
 */
export function readEnvQuietly(name: string): string | undefined {
  try {
    type Deno = { permissions?: { querySync?(d: { name: 'env'; variable: string }): { state: string } } };
    const deno = (globalThis as { Deno?: Deno }).Deno?.permissions;
    if (deno?.querySync && deno.querySync({ name: 'env', variable: name }).state !== 'granted')
      return undefined;
    return readEnv(name);
  } catch {
    return undefined;
  }
}
