// The emulator's handler of every REST operation of the registry (OPERATIONS in @lava-sdk/core), by its
// name; router.ts routes each operation's wire to it. A function needs the merchant's secret key;
// `{ auth: 'none', handle }` is a public endpoint. The type below fails to compile while an operation of
// the registry has no handler here, and a test fails while a handler has no operation.
import type { OPERATIONS } from '@lava-sdk/core/internal';
import type { Handle } from '../context';
import { authHandlers } from './auth';
import { catalogHandlers } from './catalog';
import { checkoutHandlers } from './checkout';
import { creditBundleHandlers } from './creditBundles';
import { customerHandlers } from './customers';
import { keyHandlers } from './keys';
import { meterHandlers } from './meters';
import { planHandlers } from './plans';
import { requestHandlers } from './requests';
import { walletHandlers } from './wallet';
import { webhookHandlers } from './webhooks';

export type ApiHandler = Handle | { readonly auth: 'none'; readonly handle: Handle };

/** The names of the registry's REST operations. */
export type RestOperation = Extract<(typeof OPERATIONS)[number], { wire: string }>['name'];

export const API_HANDLERS = {
  ...authHandlers,
  ...catalogHandlers,
  ...checkoutHandlers,
  ...creditBundleHandlers,
  ...customerHandlers,
  ...keyHandlers,
  ...meterHandlers,
  ...planHandlers,
  ...requestHandlers,
  ...walletHandlers,
  ...webhookHandlers,
} satisfies Record<RestOperation, ApiHandler>;
