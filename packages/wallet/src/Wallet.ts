import { Decimal } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** The merchant wallet and its balance. */
export interface Wallet {
  /** The wallet's id. */
  wallet_id: string;
  /** The available balance in USD, a decimal string (`"50.00"`). */
  balance: string;
}

/** Schema of {@link Wallet}. */
export const Wallet = v.looseObject({ wallet_id: v.string(), balance: Decimal });
