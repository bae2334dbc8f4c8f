// Money as a bigint of 1e-10 units, so sums of many small charges never drift (lava-api.md writes money as
// decimal strings such as "0.0581000000").

export const SCALE = 10_000_000_000n;
const DIGITS = 10;

/** Parses a non-negative or negative decimal string; undefined when it is not one. */
export function parseMoney(text: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, frac = ''] = match;
  const fraction = BigInt((frac.slice(0, DIGITS) + '0'.repeat(DIGITS)).slice(0, DIGITS));
  const value = BigInt(whole as string) * SCALE + fraction;
  return sign === '-' ? -value : value;
}

/** Converts a JS number (a product of rates and quantities) to money, rounded to 1e-10. */
export function moneyFromNumber(value: number): bigint {
  if (!Number.isFinite(value)) return 0n;
  return BigInt(Math.round(value * 1e10));
}

/** `"0.0581000000"`: the fixed 10-decimal form Lava uses for costs and charges. */
export function formatCost(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(DIGITS, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** `"25.00"`, `"0.0375"`: at least two decimals, trailing zeros trimmed beyond them. */
export function formatAmount(value: bigint): string {
  const full = formatCost(value);
  const [whole, frac = ''] = full.split('.');
  let trimmed = frac.replace(/0+$/, '');
  if (trimmed.length < 2) trimmed = trimmed.padEnd(2, '0');
  return `${whole}.${trimmed}`;
}

export function minMoney(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
