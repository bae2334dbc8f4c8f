// Charging: prices a call, debits the customer's credits or the merchant's wallet (forward-token modes,
// lava-api.md §1.3), and records it as a request (§2.3).
import { insufficient, LavaHttpError } from '../http';
import { formatCost, minMoney } from '../money';
import { type BreakdownEntry, priceMeter, providerCost, type UsageNumbers } from '../pricing';
import { activeRecord } from './clock';
import { type Model, type Snapshot, write } from './model';
import { emit } from './outbox';
import type { CustomerRecord, MeterRecord, RequestRecord, SubscriptionRecord } from './state';

export type Payer = 'customer' | 'merchant';

export interface ChargeInput {
  requestId: string;
  customer: Snapshot<CustomerRecord> | null;
  meter: Snapshot<MeterRecord> | null;
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
function autoTopUp(model: Model, sub: SubscriptionRecord, amount: bigint): boolean {
  const bundle = sub.auto_top_up_bundle_id
    ? model.state.creditBundles.get(sub.auto_top_up_bundle_id)
    : undefined;
  if (!bundle || bundle.deleted || bundle.credit_amount <= 0n) return false;
  let topped = false;
  for (let i = 0; i < 100 && remaining(sub) < amount; i++) {
    sub.bundle_remaining += bundle.credit_amount;
    topped = true;
  }
  return topped;
}

/** 403 when the customer's plan links meters and this meter is not one of them (plan entitlement). */
export function assertEntitled(model: Model, customerId: string, meter: Snapshot<MeterRecord>): void {
  const sub = activeRecord(model, customerId);
  if (sub && sub.plan.meter_ids.length > 0 && !sub.plan.meter_ids.includes(meter.meter_id)) {
    throw new LavaHttpError(
      403,
      'meter_not_in_plan',
      `Meter ${meter.meter_slug} is not included in the customer's plan`,
    );
  }
}

/** 402 unless the payer can pay for a gateway call; an empty subscription is topped up if it can be. */
export function ensureCanPay(model: Model, payer: Payer, customerId: string | null, managed: boolean): void {
  if (payer === 'customer' && customerId) {
    const sub = activeRecord(model, customerId);
    if (!sub) throw insufficient('Customer has no active subscription with credits');
    if (remaining(sub) <= 0n && !autoTopUp(model, sub, 1n))
      throw insufficient('Customer has insufficient credits');
    return;
  }
  if (managed && model.state.merchant.balance <= 0n)
    throw insufficient('Insufficient wallet balance: add funds to your wallet');
}

/** 402 when a customer cannot cover `amount` (POST /requests), after any auto top-up. */
export function ensureCustomerCovers(model: Model, customerId: string, amount: bigint): void {
  if (amount <= 0n) return;
  const sub = activeRecord(model, customerId);
  if (!sub) throw insufficient('Customer has no active subscription with credits');
  if (remaining(sub) < amount) autoTopUp(model, sub, amount);
  if (remaining(sub) < amount) throw insufficient('Customer has insufficient credits');
}

/** Debits a customer's credits, cycle credit first, then bundles; never below zero. */
function debitCustomer(model: Model, customerId: string, amount: bigint): void {
  if (amount <= 0n) return;
  const sub = activeRecord(model, customerId);
  if (!sub) return;
  if (remaining(sub) < amount) autoTopUp(model, sub, amount);
  const fromCycle = minMoney(sub.cycle_remaining, amount);
  sub.cycle_remaining -= fromCycle;
  const fromBundle = minMoney(sub.bundle_remaining, amount - fromCycle);
  sub.bundle_remaining -= fromBundle;
  if (fromCycle + fromBundle > 0n) emit(model, 'customer.wallet.balance.updated', customerId);
}

/** The meter charge of a usage, given the payer's usage of the meter so far (tiers accumulate). */
export function meterCharge(
  model: Model,
  payerId: string,
  meter: Snapshot<MeterRecord>,
  usage: UsageNumbers,
  cost: bigint,
) {
  const already = model.state.meterUsage.get(`${payerId}:${meter.meter_id}`) ?? 0;
  return priceMeter(meter, usage, cost, already);
}

/** Prices, charges and records one call. */
export function charge(model: Model, input: ChargeInput): RequestRecord {
  const { state } = write(model);
  const now = model.now();
  const cost = providerCost(input.model, input.usage);
  const totalCost = cost.input + cost.output;
  let chargeAmount = 0n;
  let breakdown: BreakdownEntry[] = [];
  const payerKey = input.customer?.customer_id ?? '_merchant';
  if (input.meter && input.status === 'completed') {
    const priced = meterCharge(model, payerKey, input.meter, input.usage, totalCost);
    const usageKey = `${payerKey}:${input.meter.meter_id}`;
    state.meterUsage.set(usageKey, (state.meterUsage.get(usageKey) ?? 0) + priced.quantity);
    chargeAmount = priced.amount;
    breakdown = priced.breakdown;
  }
  if (input.status === 'completed') {
    if (input.payer === 'customer' && input.customer)
      debitCustomer(model, input.customer.customer_id, chargeAmount);
    else if (input.providerKeyType === 'managed') state.merchant.balance -= totalCost;
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
  state.requests.set(input.requestId, record);
  return record;
}

/** A usage event (`POST /requests`): what `recordRequest` needs beyond the numbers. */
export interface UsageEvent {
  requestId: string;
  customer: Snapshot<CustomerRecord>;
  meter: Snapshot<MeterRecord>;
  usage: UsageNumbers;
  metadata: Record<string, string>;
  model?: string | undefined;
  provider: string;
  endpoint: string;
}

/**
 * Records a usage event once per `request_id` ("created or retrieved", lava-api.md §2.3, §3.4): a repeated
 * id answers the first record as it stands and charges nothing more. Checks the plan's entitlement and
 * that the customer can pay first; nothing is recorded when either fails.
 */
export function recordRequest(model: Model, event: UsageEvent): RequestRecord {
  const existing = write(model).state.requests.get(event.requestId);
  if (existing) return existing;
  const { customer, meter, usage } = event;
  assertEntitled(model, customer.customer_id, meter);
  const cost = providerCost(event.model, usage);
  const priced = meterCharge(model, customer.customer_id, meter, usage, cost.input + cost.output);
  ensureCustomerCovers(model, customer.customer_id, priced.amount);
  return charge(model, {
    requestId: event.requestId,
    customer,
    meter,
    payer: 'customer',
    provider: event.provider,
    providerKeyType: 'unmanaged',
    model: event.model,
    endpoint: event.endpoint,
    usage,
    metadata: event.metadata,
    status: 'completed',
  });
}
