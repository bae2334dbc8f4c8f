import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveWalletWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Wallet } from './Wallet';

/**
 * Retrieves the wallet of the authenticated merchant and its balance (`GET /wallet`). Not in the official
 * SDK; documented in Lava's API reference.
 *
 * @param lava - The client context (a merchant secret key is required).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ wallet_id, balance }`, the balance a decimal string such as `"50.00"`.
 * @example
 * ```ts
 * const wallet = await retrieveWallet(lava);
 * wallet.map((w) => Number(w.balance) < 10 && alertLowBalance(w.balance));
 * ```
 */
export function retrieveWallet(lava: LavaClient, options?: CallOptions): ResultAsync<Wallet, LavaError> {
  return request(lava, { wire: retrieveWalletWire, output: Wallet }, options);
}
