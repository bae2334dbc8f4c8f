import * as v from 'valibot';
import { SpendKey } from './SpendKey';

/** A spend key with its raw `key`, returned only by create and rotate, only once. */
export interface CreatedSpendKey extends SpendKey {
  /** The raw key (`lava_sk_…`), shown only this once: store it securely. */
  key: string;
}

/** Schema of {@link CreatedSpendKey}. */
export const CreatedSpendKey = v.looseObject({ ...SpendKey.entries, key: v.string() });
