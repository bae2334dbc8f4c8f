// Meters (lava-api.md §2.7): tiered pricing, `fixed` (rate per tier unit) or `percentage` (markup on cost).
import type { Ctx, Route } from '../context';
import { badRequest, json, notFound } from '../http';
import { newId } from '../ids';
import { parseMoney } from '../money';
import { newestFirst, page } from '../pagination';
import type { MeterRecord, MeterTier } from '../store';
import { optionalString, requireEnum, requireString } from '../validate';
import { meterBody } from '../views';

export const RATE_TYPES = ['fixed', 'percentage'] as const;
export const TIER_TYPES = ['tokens_1m', 'characters_1m', 'minutes', 'requests'] as const;

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

/** `tiers`: at least one, the first starting at "0", starts strictly ascending, rates decimal ≥ 0. */
function readTiers(value: unknown): MeterTier[] {
  if (value === undefined || value === null) invalid('tiers is required');
  if (!Array.isArray(value) || value.length === 0) invalid('tiers must be a non-empty array');
  if (value.length > 100) invalid('tiers must have at most 100 entries');
  const tiers = value.map((tier, i): MeterTier => {
    if (tier === null || typeof tier !== 'object') invalid(`tiers.${i} must be an object`);
    const { start, rate } = tier as Record<string, unknown>;
    const startText = typeof start === 'number' ? String(start) : start;
    const rateText = typeof rate === 'number' ? String(rate) : rate;
    if (typeof startText !== 'string' || !/^\d+(\.\d+)?$/.test(startText)) {
      invalid(`tiers.${i}.start must be a non-negative decimal string`);
    }
    if (typeof rateText !== 'string' || (parseMoney(rateText) ?? -1n) < 0n) {
      invalid(`tiers.${i}.rate must be a non-negative decimal string`);
    }
    return { start: Number(startText), rate: rateText };
  });
  if (tiers[0]?.start !== 0) invalid('tiers.0.start must be "0"');
  for (let i = 1; i < tiers.length; i++) {
    if ((tiers[i] as MeterTier).start <= (tiers[i - 1] as MeterTier).start)
      invalid(`tiers.${i}.start must be ascending`);
  }
  return tiers;
}

function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'meter';
}

export function meterParam(ctx: Ctx, id = ctx.params.id ?? ''): MeterRecord {
  const meter = ctx.state.meters.get(id);
  if (!meter) throw notFound('Meter');
  return meter;
}

export function meterBySlug(ctx: Ctx, slug: string): MeterRecord | undefined {
  for (const m of ctx.state.meters.values()) if (m.meter_slug === slug) return m;
  return undefined;
}

async function create(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const name = requireString(body, 'name');
  const rate_type = requireEnum(body, 'rate_type', RATE_TYPES);
  const tier_type = requireEnum(body, 'tier_type', TIER_TYPES);
  const tiers = readTiers(body.tiers);
  let meter_slug = optionalString(body, 'meter_slug', 100);
  if (meter_slug !== undefined) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(meter_slug))
      invalid('meter_slug may contain letters, digits, "-" and "_" only');
    if (meterBySlug(ctx, meter_slug))
      throw badRequest(`A meter with slug "${meter_slug}" already exists`, 'meter_slug_taken');
  } else {
    const base = slugify(name);
    meter_slug = base;
    for (let n = 2; meterBySlug(ctx, meter_slug); n++) meter_slug = `${base}-${n}`;
  }
  const meter: MeterRecord = {
    meter_id: newId('prd_', ctx.env.now()),
    meter_slug,
    name,
    rate_type,
    tier_type,
    tiers,
    created_at: ctx.nowIso(),
  };
  ctx.state.meters.set(meter.meter_id, meter);
  return json(meterBody(meter));
}

async function update(ctx: Ctx): Promise<Response> {
  const meter = meterParam(ctx);
  const body = await ctx.body();
  for (const key of ['rate_type', 'tier_type', 'meter_slug']) {
    if (body[key] !== undefined) invalid(`${key} cannot be changed`);
  }
  const name = optionalString(body, 'name');
  const tiers = body.tiers === undefined ? undefined : readTiers(body.tiers);
  if (name !== undefined) meter.name = name;
  if (tiers !== undefined) meter.tiers = tiers;
  return json(meterBody(meter));
}

function remove(ctx: Ctx): Response {
  const meter = meterParam(ctx);
  ctx.state.meters.delete(meter.meter_id);
  for (const plan of ctx.state.plans.values())
    plan.meter_ids = plan.meter_ids.filter((id) => id !== meter.meter_id);
  return json({ id: meter.meter_id, deleted: true });
}

export const meterRoutes: Route[] = [
  {
    method: 'GET',
    path: 'meters',
    auth: 'secret',
    handler: (ctx) =>
      json(page(newestFirst(ctx.state.meters.values()), (m) => m.meter_id, meterBody, ctx.query, 20)),
  },
  { method: 'POST', path: 'meters', auth: 'secret', handler: create },
  { method: 'GET', path: 'meters/:id', auth: 'secret', handler: (ctx) => json(meterBody(meterParam(ctx))) },
  { method: 'PATCH', path: 'meters/:id', auth: 'secret', handler: update },
  { method: 'DELETE', path: 'meters/:id', auth: 'secret', handler: remove },
];
