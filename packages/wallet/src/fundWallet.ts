import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { Decimal, fundWalletWire, NonEmpty, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';

const DECIMAL = /^\d+(\.\d+)?$/;

/** True when a plain decimal string lies in [10, 10000], compared exactly (no float rounding). */
function inFundingRange(amount: unknown): boolean {
  if (typeof amount !== 'string' || !DECIMAL.test(amount)) return false;
  const [whole = '', fraction = ''] = amount.split('.');
  const units = BigInt(whole);
  if (units < 10n || units > 10_000n) return false;
  return units < 10_000n || /^0*$/.test(fraction);
}

/** Params of `fundWallet`: a saved payment method and a USD amount from 10 to 10,000 inclusive. */
export interface FundWalletParams {
  /** The saved payment method to charge (required): a `payment_method_id` from `listPaymentMethods`. */
  payment_method_id: string;
  /** The amount in USD (required): a decimal string such as `"25.00"`, from `"10"` to `"10000"` inclusive. */
  amount: string;
}

/** Schema of {@link FundWalletParams}. */
export const FundWalletParams = v.looseObject({
  payment_method_id: NonEmpty,
  amount: v.custom<string>(
    inFundingRange,
    'must be a decimal string such as "25.00", between "10" and "10000" USD inclusive',
  ),
});

/**
 * The outcome of a funding charge. Only `status`, which tells the outcome, is required: the charge may
 * have happened, so an absent field is not treated as a failure (a caller retrying could pay twice).
 */
export interface FundWalletResult {
  /** `completed`: the funds were added; `requires_action`: 3-D Secure must be completed at `redirect_url`. */
  status: 'completed' | 'requires_action' | (string & {});
  /** The payment's id (`pay_…`); may be absent while `requires_action`. */
  payment_id?: string | null | undefined;
  /** The new balance in USD, a decimal string, when `completed`. */
  balance?: string | null | undefined;
  /** The 3-D Secure page to open in a browser, when `requires_action`. */
  redirect_url?: string | null | undefined;
}

/** Schema of {@link FundWalletResult}. */
export const FundWalletResult = v.looseObject({
  status: v.string(),
  payment_id: v.nullish(v.string()),
  balance: v.nullish(Decimal),
  redirect_url: v.nullish(v.string()),
});

/**
 * Adds funds to the merchant wallet by charging a saved payment method (`POST /wallet/fund`). Not in the
 * official SDK; documented in Lava's API reference. Like every POST it carries an `Idempotency-Key`
 * (generated unless you pass `options.idempotencyKey`), so a retried call is not charged twice.
 *
 * @param lava - The client context (a merchant secret key is required).
 * @param params - `payment_method_id` (from `listPaymentMethods`) and `amount`, a USD decimal string from
 *   `"10"` to `"10000"` inclusive.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ status, payment_id?, balance?, redirect_url? }`.
 * @example
 * ```ts
 * const funded = await fundWallet(lava, { payment_method_id: 'pm_123', amount: '50.00' }, { idempotencyKey: 'topup-2026-01' });
 * funded.map((f) => (f.status === 'requires_action' ? redirect(f.redirect_url!) : f.balance));
 * ```
 */
export function fundWallet(
  lava: LavaClient,
  params: FundWalletParams,
  options?: CallOptions,
): ResultAsync<FundWalletResult, LavaError> {
  return request(
    lava,
    { wire: fundWalletWire, params, input: FundWalletParams, output: FundWalletResult },
    options,
  );
}
