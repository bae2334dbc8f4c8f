import type { LavaClient } from '@lava-sdk/core';

/**
 * `${baseUrl}forward?u=`, with the `/` a hand-made `{ baseUrl }` may lack: the official SDK would build
 * `…/v1forward?u=` from `…/v1` (`createLava` always adds it).
 */
export const forwardBase = (lava: Pick<LavaClient, 'baseUrl'>): string =>
  `${lava.baseUrl.replace(/\/?$/, '/')}forward?u=`;
