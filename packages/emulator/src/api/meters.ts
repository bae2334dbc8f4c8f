// Meters (lava-api.md §2.7): tiered pricing, `fixed` (rate per tier unit) or `percentage` (markup on cost).
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import { createMeter, deleteMeter, updateMeter } from '../model/meters';
import type { Snapshot } from '../model/model';
import type { MeterRecord, MeterTier } from '../model/state';
import { parseMoney } from '../money';
import { newestFirst, page } from '../pagination';
import { optionalString, requireEnum, requireString } from '../validate';
import { meterBody } from '../views';

const RATE_TYPES = ['fixed', 'percentage'] as const;
const TIER_TYPES = ['tokens_1m', 'characters_1m', 'minutes', 'requests'] as const;

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

function meterParam(ctx: Ctx): Snapshot<MeterRecord> {
  const meter = ctx.model.state.meters.get(ctx.params.meter_id ?? '');
  if (!meter) throw notFound('Meter');
  return meter;
}

export const meterHandlers = {
  listMeters: (ctx: Ctx) =>
    json(page(newestFirst(ctx.model.state.meters.values()), (m) => m.meter_id, meterBody, ctx.query, 20)),
  retrieveMeter: (ctx: Ctx) => json(meterBody(meterParam(ctx))),
  createMeter(ctx: Ctx) {
    const body = ctx.body();
    const name = requireString(body, 'name');
    const rate_type = requireEnum(body, 'rate_type', RATE_TYPES);
    const tier_type = requireEnum(body, 'tier_type', TIER_TYPES);
    const tiers = readTiers(body.tiers);
    const meter_slug = optionalString(body, 'meter_slug', 100);
    if (meter_slug !== undefined && !/^[a-z0-9][a-z0-9_-]*$/i.test(meter_slug))
      invalid('meter_slug may contain letters, digits, "-" and "_" only');
    return json(meterBody(createMeter(ctx.model, { name, rate_type, tier_type, tiers, meter_slug })));
  },
  updateMeter(ctx: Ctx) {
    const meter = meterParam(ctx);
    const body = ctx.body();
    for (const key of ['rate_type', 'tier_type', 'meter_slug']) {
      if (body[key] !== undefined) invalid(`${key} cannot be changed`);
    }
    const name = optionalString(body, 'name');
    const tiers = body.tiers === undefined ? undefined : readTiers(body.tiers);
    updateMeter(ctx.model, meter.meter_id, {
      ...(name !== undefined ? { name } : {}),
      ...(tiers !== undefined ? { tiers } : {}),
    });
    return json(meterBody(meter));
  },
  deleteMeter(ctx: Ctx) {
    const meter = meterParam(ctx);
    deleteMeter(ctx.model, meter.meter_id);
    return json({ id: meter.meter_id, deleted: true });
  },
};
