import type { LavaClient } from './createLava';

/**
 * `path` under the client's base URL, with the `/` a hand-made `{ baseUrl }` may lack: the URL helpers of
 * the gateway and providers packages take one, and `…/v1` + `forward?u=` would be `…/v1forward?u=` (as the
 * official SDK builds it). `createLava` always adds the slash.
 */
export function lavaUrl(lava: Pick<LavaClient, 'baseUrl'>, path: string): string {
  const { baseUrl } = lava;
  return (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) + path;
}
