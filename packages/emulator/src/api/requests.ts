// Requests (usage records) and usage statistics (lava-api.md §2.3, §2.4).
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import { recordRequest } from '../model/billing';
import type { Snapshot } from '../model/model';
import type { RequestRecord } from '../model/state';
import { formatCost } from '../money';
import { newestFirst, page } from '../pagination';
import type { UsageNumbers } from '../pricing';
import { optionalNumber, optionalString, requestMetadata, requireString } from '../validate';
import { findCustomer, meterBySlug } from '../views';

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

/** `metadata_filters`: a JSON string of `[key, value]` pairs (or of an object). */
function readMetadataFilters(query: URLSearchParams): [string, string][] {
  const raw = query.get('metadata_filters');
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid('metadata_filters must be a JSON array of [key, value] pairs');
  }
  const pairs = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object'
      ? Object.entries(parsed)
      : null;
  if (!pairs?.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'))) {
    invalid('metadata_filters must be a JSON array of [key, value] pairs');
  }
  return pairs as [string, string][];
}

function filterRequests(ctx: Ctx): Snapshot<RequestRecord>[] {
  const customerParam = ctx.query.get('customer_id');
  const customerId = customerParam
    ? (findCustomer(ctx.model, customerParam)?.customer_id ?? customerParam)
    : null;
  const meterId = ctx.query.get('meter_id');
  const filters = readMetadataFilters(ctx.query);
  return newestFirst(ctx.model.state.requests.values()).filter(
    (r) =>
      (!customerId || r.customer_id === customerId) &&
      (!meterId || r.meter_id === meterId) &&
      filters.every(([k, v]) => r.metadata[k] === v),
  );
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function offsetMinutes(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 0;
  const match = OFFSET.exec(text);
  if (!match || match[1]?.toUpperCase() === 'Z') return 0;
  const sign = match[1]?.startsWith('-') ? -1 : 1;
  const digits = (match[1] ?? '').replace(/[+:-]/g, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function parseDate(text: string, key: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) invalid(`${key} must be an ISO 8601 date or date-time`);
  return dateOnly && endOfDay ? ms + 86_400_000 - 1 : ms;
}

const DAY = 86_400_000;

function usage(ctx: Ctx): Response {
  const startText = ctx.query.get('start');
  if (!startText) invalid('start is required');
  const start = parseDate(startText, 'start', false);
  const endText = ctx.query.get('end');
  const end = endText ? parseDate(endText, 'end', true) : ctx.model.now().getTime();
  if (end < start) invalid('end must not be before start');
  const offset = offsetMinutes(startText) * 60_000;
  const firstDay = Math.floor((start + offset) / DAY) * DAY - offset;
  const days = Math.floor((end - firstDay) / DAY) + 1;
  if (days > 1000) invalid('the range must be at most 1000 days');
  const items = Array.from({ length: days }, (_, i) => {
    const dayStart = firstDay + i * DAY;
    return {
      date: new Date(dayStart + offset).toISOString().slice(0, 10),
      start: new Date(dayStart).toISOString(),
      end: new Date(dayStart + DAY - 1).toISOString(),
      total_requests: 0,
      total_usage_tokens: 0,
      cost: 0n,
      charge: 0n,
    };
  });
  for (const r of filterRequests(ctx)) {
    if (r.at < start || r.at > end) continue;
    const item = items[Math.floor((r.at - firstDay) / DAY)];
    if (!item) continue;
    item.total_requests += 1;
    item.total_usage_tokens += r.total_tokens;
    item.cost += r.cost;
    item.charge += r.charge;
  }
  const totals = { total_requests: 0, total_usage_tokens: 0, cost: 0n, charge: 0n };
  for (const item of items) {
    totals.total_requests += item.total_requests;
    totals.total_usage_tokens += item.total_usage_tokens;
    totals.cost += item.cost;
    totals.charge += item.charge;
  }
  const money = ({ cost, charge, ...rest }: typeof totals) => ({
    ...rest,
    total_cost: formatCost(cost),
    total_charge: formatCost(charge),
  });
  return json({
    items: items.map(({ cost, charge, total_requests, total_usage_tokens, ...day }) => ({
      ...day,
      ...money({ total_requests, total_usage_tokens, cost, charge }),
    })),
    totals: money(totals),
  });
}

export const requestHandlers = {
  listRequests: (ctx: Ctx) =>
    json(
      page(
        filterRequests(ctx),
        (r) => r.body.request_id,
        (r) => r.body,
        ctx.query,
        10,
      ),
    ),
  createRequest(ctx: Ctx) {
    const body = ctx.body();
    const requestId = requireString(body, 'request_id');
    const customerId = requireString(body, 'customer_id');
    const meterSlug = requireString(body, 'meter_slug');
    const metadata = requestMetadata(body.metadata);
    const usage: UsageNumbers = {
      input_tokens: optionalNumber(body, 'input_tokens', { min: 0 }) ?? 0,
      output_tokens: optionalNumber(body, 'output_tokens', { min: 0 }) ?? 0,
      input_characters: optionalNumber(body, 'input_characters', { min: 0 }) ?? 0,
      output_characters: optionalNumber(body, 'output_characters', { min: 0 }) ?? 0,
      input_seconds: optionalNumber(body, 'input_seconds', { min: 0 }) ?? 0,
      output_seconds: optionalNumber(body, 'output_seconds', { min: 0 }) ?? 0,
    };
    const model = optionalString(body, 'model');
    const provider = optionalString(body, 'provider') ?? 'custom';
    const endpoint = optionalString(body, 'endpoint', 2048) ?? 'POST /v1/requests';
    // A repeated id answers the first record as it stands, whatever this body says (the body is still
    // checked first); no await from here on, so concurrent repeats cannot both create.
    const existing = ctx.model.state.requests.get(requestId);
    if (existing) return json(existing.body);
    const customer = findCustomer(ctx.model, customerId);
    if (!customer) throw notFound('Customer');
    const meter = meterBySlug(ctx.model, meterSlug);
    if (!meter) throw notFound('Meter');
    const record = recordRequest(ctx.model, {
      requestId,
      customer,
      meter,
      usage,
      metadata,
      model,
      provider,
      endpoint,
    });
    ctx.requestId = requestId.startsWith('req_') ? requestId : ctx.requestId;
    return json(record.body);
  },
  retrieveRequest(ctx: Ctx) {
    const record = ctx.model.state.requests.get(ctx.params.request_id ?? '');
    if (!record) throw notFound('Request');
    return json(record.body);
  },
  retrieveUsage: usage,
};
