import { UnsignedDecimal } from '@lava-sdk/core/internal';
import * as v from 'valibot';

// Whether non-negative decimal string `a` is below `b`, exactly (no float rounding): both as whole numbers
// of the smallest unit either has (`"1.5"` and `"1.25"` as 150 and 125).
function below(a: string, b: string): boolean {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  return BigInt(ai + af.padEnd(width, '0')) < BigInt(bi + bf.padEnd(width, '0'));
}

/**
 * Pricing tiers of `createMeter` and `updateMeter`: at least one; the first starts at `"0"`, and each next
 * one starts strictly above the one before (compared as decimal numbers). Tiers count a customer's usage
 * cumulatively: a tier's `rate` applies from its `start` up to the next tier's.
 */
export type Tiers = readonly {
  /**
   * Where the tier begins, in the customer's accumulated usage: a non-negative decimal string. `"0"` for
   * the first tier; each next one strictly greater.
   */
  start: string;
  /**
   * The tier's price, a non-negative decimal string (`"1.00"`). For a `fixed` meter, credits per unit of
   * its `tier_type` (per million tokens or characters, per minute, per request); for a `percentage` meter,
   * the markup on the provider's cost.
   */
  rate: string;
}[];

/** Schema of {@link Tiers}. */
export const Tiers = v.pipe(
  v.array(v.looseObject({ start: UnsignedDecimal, rate: UnsignedDecimal })),
  // One rawCheck for every rule across tiers (a minLength action as well would cost each bundle ~75 B).
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const tiers = dataset.value;
    if (tiers.length === 0) addIssue({ message: 'must have at least one tier' });
    tiers.forEach((tier, index) => {
      const previous = tiers[index - 1];
      const message = !previous
        ? tier.start !== '0' && 'the first tier must start at "0"'
        : !below(previous.start, tier.start) &&
          `must be greater than the previous tier's start (${previous.start})`;
      if (!message) return;
      addIssue({
        message,
        path: [
          { type: 'array', origin: 'value', input: tiers, key: index, value: tier },
          { type: 'object', origin: 'value', input: tier, key: 'start', value: tier.start },
        ],
      });
    });
  }),
);
