// Charging: prices a call, debits the customer's credits or the merchant's wallet (forward-token modes,
// lava-api.md §1.3), and records it as a request.
import type { Env } from './context';
import { emitCustomerEvent } from './deliver';
import { insufficient } from './http';
import { formatCost, minMoney } from './money';
import { type BreakdownEntry, priceMeter, providerCost, type UsageNumbers } from './pricing';
import type { CustomerRecord, MeterRecord, RequestRecord, SubscriptionRecord } from './store';
import { activeSubscription } from './views';

export type Payer = 'customer' | 'merchant';

export interface ChargeInput {
  requestId: string;
  customer: CustomerRecord | null;
  meter: MeterRecord | null;
  payer: Payer;
  provider: string;
  providerKeyType: 'managed' | 'unmanaged';
  model?: string | undefined;
  endpoint: string;
  responseId?: string | undefined;
  usage: UsageNumbers;
  metadata: Record<string, string>;
  status: 'completed' | 'error';
  timestamp?: string | undefined;
  /** Gateway calls: the URL as it arrived, and the provider URL it resolved to. */
  rawUrl?: string | undefined;
  upstreamUrl?: string | undefined;
}

function remaining(sub: SubscriptionRecord): bigint {
  return sub.cycle_remaining + sub.bundle_remaining;
}

/** Adds the auto top-up bundle's credit while the subscription cannot cover `amount` (at most 100 times). */
function autoTopUp(env: Env, sub: SubscriptionRecord, amount: bigint): boolean {
  const bundle = sub.auto_top_up_bundle_id
    ? env.state.creditBundles.get(sub.auto_top_up_bundle_id)
    : undefined;
  if (!bundle || bundle.deleted || bundle.credit_amount <= 0n) return false;
  let topped = false;
  for (let i = 0; i < 100 && remaining(sub) < amount; i++) {
    sub.bundle_remaining += bundle.credit_amount;
    topped = true;
  }
  return topped;
}

/** Throws 402 unless the payer can pay for a call (gateway preflight). */
export function assertCanPay(
  env: Env,
  payer: Payer,
  customer: CustomerRecord | null,
  managed: boolean,
): void {
  if (payer === 'customer' && customer) {
    const sub = activeSubscription(env, customer.customer_id);
    if (!sub) throw insufficient('Customer has no active subscription with credits');
    if (remaining(sub) <= 0n && !autoTopUp(env, sub, 1n))
      throw insufficient('Customer has insufficient credits');
    return;
  }
  if (managed && env.state.merchant.balance <= 0n)
    throw insufficient('Insufficient wallet balance: add funds to your wallet');
}

/** Throws 402 when a customer cannot cover `amount` (POST /requests). */
export function assertCustomerCovers(env: Env, customer: CustomerRecord, amount: bigint): void {
  if (amount <= 0n) return;
  const sub = activeSubscription(env, customer.customer_id);
  if (!sub) throw insufficient('Customer has no active subscription with credits');
  if (remaining(sub) < amount) autoTopUp(env, sub, amount);
  if (remaining(sub) < amount) throw insufficient('Customer has insufficient credits');
}

/** Debits a customer's credits, cycle credit first, then bundles; never below zero. */
export function debitCustomer(env: Env, customer: CustomerRecord, amount: bigint): bigint {
  if (amount <= 0n) return 0n;
  const sub = activeSubscription(env, customer.customer_id);
  if (!sub) return 0n;
  if (remaining(sub) < amount) autoTopUp(env, sub, amount);
  const fromCycle = minMoney(sub.cycle_remaining, amount);
  sub.cycle_remaining -= fromCycle;
  let rest = amount - fromCycle;
  const fromBundle = minMoney(sub.bundle_remaining, rest);
  sub.bundle_remaining -= fromBundle;
  rest -= fromBundle;
  const debited = amount - rest;
  if (debited > 0n) emitCustomerEvent(env, 'customer.wallet.balance.updated', customer);
  return debited;
}

/** Prices, charges and records one call. */
export function chargeAndRecord(env: Env, input: ChargeInput): RequestRecord {
  const now = env.now();
  const cost = providerCost(input.model, input.usage);
  const totalCost = cost.input + cost.output;
  let chargeAmount = 0n;
  let breakdown: BreakdownEntry[] = [];
  const payerKey = input.customer?.customer_id ?? '_merchant';
  if (input.meter && input.status === 'completed') {
    const usageKey = `${payerKey}:${input.meter.meter_id}`;
    const already = env.state.meterUsage.get(usageKey) ?? 0;
    const priced = priceMeter(input.meter, input.usage, totalCost, already);
    env.state.meterUsage.set(usageKey, already + priced.quantity);
    chargeAmount = priced.amount;
    breakdown = priced.breakdown;
  }
  if (input.status === 'completed') {
    if (input.payer === 'customer' && input.customer) debitCustomer(env, input.customer, chargeAmount);
    else if (input.providerKeyType === 'managed') env.state.merchant.balance -= totalCost;
  }
  const u = input.usage;
  const body: RequestRecord['body'] = {
    request_id: input.requestId,
    status: input.status,
    ...(input.customer ? { customer_id: input.customer.customer_id } : {}),
    ...(input.meter ? { meter_id: input.meter.meter_id } : {}),
    provider: input.provider,
    provider_key_type: input.providerKeyType,
    ...(input.model ? { model: input.model } : {}),
    endpoint: input.endpoint,
    ...(input.responseId ? { response_id: input.responseId } : {}),
    model_usage: {
      input_tokens: u.input_tokens,
      output_tokens: u.output_tokens,
      total_tokens: u.input_tokens + u.output_tokens,
      input_characters: u.input_characters,
      output_characters: u.output_characters,
      total_characters: u.input_characters + u.output_characters,
      input_seconds: u.input_seconds,
      output_seconds: u.output_seconds,
      total_seconds: u.input_seconds + u.output_seconds,
      input_cost: formatCost(cost.input),
      output_cost: formatCost(cost.output),
      total_cost: formatCost(totalCost),
    },
    cost: formatCost(totalCost),
    charge: { amount: formatCost(chargeAmount), rate_type: input.meter?.rate_type ?? 'fixed', breakdown },
    metadata: input.metadata,
    timestamp: input.timestamp ?? now.toISOString(),
    created_at: now.toISOString(),
  };
  const record: RequestRecord = {
    body,
    customer_id: input.customer?.customer_id ?? null,
    meter_id: input.meter?.meter_id ?? null,
    metadata: input.metadata,
    at: now.getTime(),
    total_tokens: u.input_tokens + u.output_tokens,
    cost: totalCost,
    charge: chargeAmount,
    raw_url: input.rawUrl ?? null,
    upstream_url: input.upstreamUrl ?? null,
  };
  env.state.requests.set(input.requestId, record);
  return record;
}
