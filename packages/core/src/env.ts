/**
 * Reads an environment variable without touching a bare `process`, so the same code runs in
 * Node, Deno, Bun, Cloudflare Workers, Vercel Edge and browsers.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value || undefined;
}
