// The emulator's in-memory state: plain records. Only the model's commands (src/model/) change them; the
// REST shapes are built from them by the pure views (src/views.ts).

export type RateType = 'fixed' | 'percentage';
export type TierType = 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests';
export type BillingInterval = 'day' | 'week' | 'month' | 'year';
export type Rollover = 'full' | 'none';
export type LimitCycle = 'daily' | 'weekly' | 'monthly' | 'total';

export interface MerchantRecord {
  merchant_id: string;
  account_id: string;
  wallet_id: string;
  /** Wallet balance in 1e-10 USD. */
  balance: bigint;
}

export interface SecretKeyRecord {
  secret_key_id: string;
  name: string;
  secret_key: string;
  created_at: string;
  revoked: boolean;
}

export interface CustomerRecord {
  customer_id: string;
  reference_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
}

export interface MeterTier {
  /** Where the tier starts, in usage units (tokens, characters, minutes or requests). */
  start: number;
  rate: string;
}

export interface MeterRecord {
  meter_id: string;
  meter_slug: string;
  name: string;
  rate_type: RateType;
  tier_type: TierType;
  tiers: MeterTier[];
  created_at: string;
}

export interface PlanRecord {
  plan_id: string;
  name: string;
  period_amount: bigint;
  included_credit: bigint;
  billing_interval: BillingInterval;
  rollover_type: Rollover;
  bundle_rollover_type: Rollover;
  default_auto_top_up_bundle_id: string | null;
  meter_ids: string[];
  created_at: string;
}

export interface CreditBundleRecord {
  credit_bundle_id: string;
  plan_id: string;
  name: string;
  cost: bigint;
  credit_amount: bigint;
  created_at: string;
  deleted: boolean;
}

export interface PendingChange {
  type: 'cancellation' | 'downgrade';
  effective_at: string | null;
}

export interface SubscriptionRecord {
  subscription_id: string;
  customer_id: string;
  plan_id: string;
  status: 'active' | 'cancelled';
  auto_top_up_bundle_id: string | null;
  started_at: string;
  cancelled_at: string | null;
  cycle_start_at: string;
  cycle_end_at: string;
  /** Credits left from the plan's included credit this cycle (1e-10 USD). */
  cycle_remaining: bigint;
  /** Credits left from purchased or topped-up bundles. */
  bundle_remaining: bigint;
  pending_change: PendingChange | null;
  /** A snapshot of the plan, so later plan edits or deletion do not rewrite history. */
  plan: PlanRecord;
}

/** A usage record as Lava returns it, plus the numbers `/usage` aggregates. */
export interface RequestRecord {
  body: Record<string, unknown> & { request_id: string; created_at: string };
  customer_id: string | null;
  meter_id: string | null;
  metadata: Record<string, string>;
  at: number;
  total_tokens: number;
  cost: bigint;
  charge: bigint;
  /**
   * The URL a gateway call arrived with, as the client sent it (`…/v1/forward?u=…`, a `key` credential
   * masked); null for records created through `POST /requests`.
   */
  raw_url: string | null;
  /** The provider URL the gateway resolved and called (`https://api.openai.com/v1/chat/completions`); null for `POST /requests`. */
  upstream_url: string | null;
}

export interface WebhookRecord {
  webhook_id: string;
  name: string;
  url: string;
  webhook_secret: string;
  created_at: string;
}

/** One webhook event sent (or being sent) to one registered URL. */
export interface WebhookDelivery {
  /** The delivery's own id. */
  delivery_id: string;
  /** The webhook it was sent for. */
  webhook_id: string;
  /** Where it was POSTed: the webhook's `url`. */
  url: string;
  /** The event type, e.g. `customer.created`. */
  event: string;
  /** The exact bytes sent (the signature covers them). */
  body: string;
  /** The `X-Webhook-Signature` header sent: HMAC-SHA256 of `body` with the webhook secret, hex. */
  signature: string;
  /** `pending` until the receiver answers; `delivered` on a 2xx, else `failed`. */
  status: 'pending' | 'delivered' | 'failed';
  /** The receiver's HTTP status, when it answered. */
  response_status?: number | undefined;
  /** Why the delivery failed, when it did. */
  error?: string | undefined;
  /** When it was sent, ISO 8601. */
  created_at: string;
}

export interface SpendKeyRecord {
  spend_key_id: string;
  key: string;
  name: string;
  status: 'active' | 'paused';
  request_shape: 'openai' | 'anthropic';
  allowed_models: string[] | null;
  allowed_providers: string[] | null;
  spend_limit: { amount: string; cycle: LimitCycle } | null;
  request_limit: { count: number; cycle: LimitCycle } | null;
  rate_limit: { rpm: number; burst: number | null } | null;
  expires_at: string | null;
  last_used_at: string | null;
  current_spend: bigint;
  total_spend: bigint;
  current_requests: number;
  total_requests: number;
  created_at: string;
  revoked: boolean;
}

export interface CheckoutSessionRecord {
  checkout_session_id: string;
  checkout_session_token: string;
  /** The `css_test_…` secret inside the token: the hosted page lives at `embed/checkout/{secret}`. */
  secret: string;
  checkout_mode: 'subscription' | 'credit_bundle';
  origin_url: string;
  customer_id?: string | undefined;
  plan_id?: string | undefined;
  credit_bundle_id?: string | undefined;
  created_at: string;
  completed_at?: string | undefined;
}

export interface PaymentMethodRecord {
  payment_method_id: string;
  last4: string;
  /** A string, as Lava's reference shows it: `"12"`. */
  expiry_month: string;
  /** A string, as Lava's reference shows it: `"2027"`. */
  expiry_year: string;
  brand: string;
  is_default: boolean;
  has_error: boolean;
  error_code: string | null;
  error_message: string | null;
  error_at: string | null;
  /** Emulator-only: funding with this card answers `requires_action` (3-D Secure). */
  requires_action?: boolean | undefined;
}

/** A wallet top-up that needed 3-D Secure: its amount, added to the balance once the payer authenticates. */
export interface WalletPaymentRecord {
  payment_id: string;
  amount: bigint;
  authenticated: boolean;
}

export interface AuthCodeRecord {
  code: string;
  state: string;
  expires_at: number;
  used: boolean;
}

/** Everything the emulator holds, for inspection in tests; maps are keyed by id. */
export interface EmulatorState {
  /** The merchant: wallet balance and ids. */
  merchant: MerchantRecord;
  /** Secret keys, the seeded one included. */
  secretKeys: Map<string, SecretKeyRecord>;
  /** Customers by `customer_id`. */
  customers: Map<string, CustomerRecord>;
  /** Meters by `meter_id`. */
  meters: Map<string, MeterRecord>;
  /** Plans by `plan_id`. */
  plans: Map<string, PlanRecord>;
  /** Credit bundles by `credit_bundle_id`. */
  creditBundles: Map<string, CreditBundleRecord>;
  /** Subscriptions by `subscription_id`. */
  subscriptions: Map<string, SubscriptionRecord>;
  /** Usage records (`POST /requests` and gateway calls) by `request_id`. */
  requests: Map<string, RequestRecord>;
  /** Registered webhooks by `webhook_id`. */
  webhooks: Map<string, WebhookRecord>;
  /** Every webhook delivery, oldest first. */
  deliveries: WebhookDelivery[];
  /** Spend keys by `spend_key_id`. */
  spendKeys: Map<string, SpendKeyRecord>;
  /** Checkout sessions by `checkout_session_id`. */
  checkoutSessions: Map<string, CheckoutSessionRecord>;
  /** The merchant's payment methods by id. */
  paymentMethods: Map<string, PaymentMethodRecord>;
  /** Pending CLI login codes. */
  authCodes: Map<string, AuthCodeRecord>;
  /** Wallet top-ups waiting for 3-D Secure (`fundWallet` answered `requires_action`), by `payment_id`. */
  walletPayments: Map<string, WalletPaymentRecord>;
  /** Cumulative usage per `${payer}:${meter_id}`, so tiers accumulate per customer. */
  meterUsage: Map<string, number>;
}

/** The merchant every emulator starts with. */
export interface EmulatorSeed {
  /** The secret key the emulator accepts (`aks_…`). */
  secretKey: string;
  /** The id of that key, as `listSecretKeys` shows it. */
  secretKeyId: string;
  /** The merchant's id. */
  merchantId: string;
  /** The merchant's account id. */
  accountId: string;
  /** The merchant wallet's id. */
  walletId: string;
  /** Wallet balance, USD decimal string. */
  walletBalance: string;
  /** The merchant's one payment method (for `fundWallet`). */
  paymentMethodId: string;
}

/** The emulator's default secret key: `createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl })`. */
export const EMULATOR_SECRET_KEY = 'aks_test_emulator_0000000000000000000000000000';
/** The id of the default secret key. */
export const EMULATOR_SECRET_KEY_ID = 'sk_01EMULATOR0000000000000000';
/** The default merchant's id. */
export const EMULATOR_MERCHANT_ID = 'mer_01EMULATOR0000000000000000';
/** The default merchant's account id. */
export const EMULATOR_ACCOUNT_ID = 'acc_01EMULATOR0000000000000000';
/** The default merchant wallet's id. */
export const EMULATOR_WALLET_ID = 'wal_01EMULATOR0000000000000000';
/** The default merchant's payment method id. */
export const EMULATOR_PAYMENT_METHOD_ID = 'pm_01EMULATOR0000000000000000';
/** The default wallet balance, USD. */
export const EMULATOR_WALLET_BALANCE = '100.00';

/** The merchant every emulator starts with, unless `createEmulator({ seed })` changes part of it. */
export const DEFAULT_SEED: EmulatorSeed = Object.freeze({
  secretKey: EMULATOR_SECRET_KEY,
  secretKeyId: EMULATOR_SECRET_KEY_ID,
  merchantId: EMULATOR_MERCHANT_ID,
  accountId: EMULATOR_ACCOUNT_ID,
  walletId: EMULATOR_WALLET_ID,
  walletBalance: EMULATOR_WALLET_BALANCE,
  paymentMethodId: EMULATOR_PAYMENT_METHOD_ID,
});

export function emptyState(seed: EmulatorSeed, balance: bigint, createdAt: string): EmulatorState {
  const state: EmulatorState = {
    merchant: {
      merchant_id: seed.merchantId,
      account_id: seed.accountId,
      wallet_id: seed.walletId,
      balance,
    },
    secretKeys: new Map(),
    customers: new Map(),
    meters: new Map(),
    plans: new Map(),
    creditBundles: new Map(),
    subscriptions: new Map(),
    requests: new Map(),
    webhooks: new Map(),
    deliveries: [],
    spendKeys: new Map(),
    checkoutSessions: new Map(),
    paymentMethods: new Map(),
    authCodes: new Map(),
    walletPayments: new Map(),
    meterUsage: new Map(),
  };
  state.secretKeys.set(seed.secretKeyId, {
    secret_key_id: seed.secretKeyId,
    name: 'Emulator default key',
    secret_key: seed.secretKey,
    created_at: createdAt,
    revoked: false,
  });
  state.paymentMethods.set(seed.paymentMethodId, {
    payment_method_id: seed.paymentMethodId,
    last4: '4242',
    expiry_month: '12',
    expiry_year: '2034',
    brand: 'visa',
    is_default: true,
    has_error: false,
    error_code: null,
    error_message: null,
    error_at: null,
  });
  state.paymentMethods.set('pm_01EMULATOR3DS00000000000000', {
    payment_method_id: 'pm_01EMULATOR3DS00000000000000',
    last4: '3184',
    expiry_month: '6',
    expiry_year: '2033',
    brand: 'visa',
    is_default: false,
    has_error: false,
    error_code: null,
    error_message: null,
    error_at: null,
    requires_action: true,
  });
  return state;
}
