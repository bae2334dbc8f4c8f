import type { ParamsOf } from '@lava-sdk/core/internal';
import * as v from 'valibot';

const UnsignedDecimal = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "0.50"'),
);

// Compares two non-negative decimal strings exactly (no float rounding): -1, 0 or 1.
function compareDecimal(a: string, b: string): number {
  const [ai = '', af = ''] = a.split('.');
  const [bi = '', bf = ''] = b.split('.');
  const aInt = ai.replace(/^0+/, '');
  const bInt = bi.replace(/^0+/, '');
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, '0');
  const bFrac = bf.padEnd(width, '0');
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}

/**
 * Pricing tiers of `createMeter` and `updateMeter`: at least one; the first `start` is `"0"`; starts
 * strictly ascending (compared as decimal numbers); `start` and `rate` are decimal strings.
 */
export const Tiers = v.pipe(
  v.array(v.looseObject({ start: UnsignedDecimal, rate: UnsignedDecimal })),
  v.minLength(1, 'must have at least one tier'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const tiers = dataset.value;
    tiers.forEach((tier, index) => {
      const previous = tiers[index - 1];
      const message =
        index === 0
          ? tier.start === '0'
            ? undefined
            : 'the first tier must start at "0"'
          : previous && compareDecimal(previous.start, tier.start) >= 0
            ? `must be greater than the previous tier's start (${previous.start})`
            : undefined;
      if (message === undefined) return;
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
export type Tiers = ParamsOf<typeof Tiers>;
