import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '@lava-sdk/core';

/** The Lava web app users log in to by default. */
export const DEFAULT_APP_URL = 'https://www.lava.so';

/**
 * The API base that matches a Lava app URL, derived as the official SDK does: a local app
 * (`localhost` / `127.0.0.1`) serves its own `/v1/`, a host containing `sandbox` maps to the sandbox
 * API, anything else to production. The official SDK names the old `lavapayments.com` hosts; this one
 * uses the current `api.lava.so` / `sandbox-api.lava.so`.
 *
 * @param appBaseUrl - The app URL, e.g. `https://www.lava.so` or `http://localhost:3000`.
 * @returns The API base URL, ending in `/`.
 * @throws TypeError when `appBaseUrl` is not a URL.
 * @example
 * ```ts
 * resolveApiBaseUrl('http://localhost:3000'); // 'http://localhost:3000/v1/'
 * resolveApiBaseUrl('https://sandbox.lava.so'); // 'https://sandbox-api.lava.so/v1/'
 * ```
 */
export function resolveApiBaseUrl(appBaseUrl: string): string {
  const { hostname } = new URL(appBaseUrl);
  if (hostname === 'localhost' || hostname === '127.0.0.1') return new URL('/v1/', appBaseUrl).href;
  if (hostname.includes('sandbox')) return SANDBOX_BASE_URL;
  return PRODUCTION_BASE_URL;
}
