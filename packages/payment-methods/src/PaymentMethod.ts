import * as v from 'valibot';

/** A saved card of the merchant wallet. */
export interface PaymentMethod {
  /** The payment method's id, for `fundWallet`. */
  payment_method_id: string;
  /** The card's last four digits. */
  last4: string;
  /** Expiry month as Lava's reference shows it, a string (`"12"`). */
  expiry_month: string;
  /** Expiry year, a string (`"2027"`). */
  expiry_year: string;
  /** The card brand (`visa`, …). */
  brand: string;
  /** Whether this is the wallet's default card. */
  is_default: boolean;
  /** Whether the last charge on it failed; see the `error_*` fields. */
  has_error: boolean;
  /** The failed charge's error code, if any. */
  error_code?: string | null | undefined;
  /** The failed charge's error message, if any. */
  error_message?: string | null | undefined;
  /** When the charge failed (ISO 8601), if it did. */
  error_at?: string | null | undefined;
}

/** Schema of {@link PaymentMethod}. */
export const PaymentMethod = v.looseObject({
  payment_method_id: v.string(),
  last4: v.string(),
  expiry_month: v.string(),
  expiry_year: v.string(),
  brand: v.string(),
  is_default: v.boolean(),
  has_error: v.boolean(),
  error_code: v.nullish(v.string()),
  error_message: v.nullish(v.string()),
  error_at: v.nullish(v.string()),
});
