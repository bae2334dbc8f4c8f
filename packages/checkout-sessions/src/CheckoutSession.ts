import * as v from 'valibot';

/** The kind of checkout: a subscription sign-up or a credit bundle purchase (or a mode Lava adds). */
export type CheckoutMode = 'subscription' | 'credit_bundle' | (string & {});

/** A checkout session; hand `checkout_session_token` to `@lavapayments/checkout`'s `open()`. */
export interface CheckoutSession {
  /** The session's id: `cs_…` (`cs_test_…` in the sandbox). */
  checkout_session_id: string;
  /** Opaque token for the front-end checkout (`@lavapayments/checkout`'s `open(token)`). */
  checkout_session_token: string;
  /** `subscription` or `credit_bundle`. */
  checkout_mode: CheckoutMode;
  /** The origin of the page that embeds the checkout. */
  origin_url: string;
  /** When the session was created (ISO 8601). */
  created_at: string;
  /** The customer: given at creation, or known once the checkout completes. */
  customer_id?: string | null | undefined;
  /** The plan of a `subscription` checkout. */
  plan_id?: string | null | undefined;
  /** When the checkout completed (ISO 8601); absent or null until then. */
  completed_at?: string | null | undefined;
}

/** Schema of {@link CheckoutSession}. */
export const CheckoutSession = v.looseObject({
  checkout_session_id: v.string(),
  checkout_session_token: v.string(),
  checkout_mode: v.string(),
  origin_url: v.string(),
  created_at: v.string(),
  customer_id: v.nullish(v.string()),
  plan_id: v.nullish(v.string()),
  completed_at: v.nullish(v.string()),
});
