import * as v from 'valibot';
import { SpendKey } from './SpendKey';

/** A spend key with its raw `key` (`lava_sk_…`), returned only by create and rotate, only once. */
export const CreatedSpendKey = v.looseObject({ ...SpendKey.entries, key: v.string() });
export type CreatedSpendKey = v.InferOutput<typeof CreatedSpendKey>;
