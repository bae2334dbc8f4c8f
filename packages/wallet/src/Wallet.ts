import { Decimal } from '@lava-sdk/core/internal';
import * as v from 'valibot';

/** The merchant wallet and its balance (a USD decimal string). */
export const Wallet = v.looseObject({ wallet_id: v.string(), balance: Decimal });
export type Wallet = v.InferOutput<typeof Wallet>;
