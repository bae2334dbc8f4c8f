// Meters (lava-api.md §2.7): tiered pricing, `fixed` (rate per tier unit) or `percentage` (markup on cost).
import { badRequest } from '../http';
import { newId } from '../ids';
import { meterBySlug } from '../views';
import { type Model, write } from './model';
import type { MeterRecord, MeterTier, RateType, TierType } from './state';

export interface NewMeter {
  name: string;
  rate_type: RateType;
  tier_type: TierType;
  tiers: MeterTier[];
  /** Generated from the name when absent; unique. */
  meter_slug?: string | undefined;
}

function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'meter';
}

export function createMeter(model: Model, input: NewMeter): MeterRecord {
  let slug = input.meter_slug;
  if (slug !== undefined) {
    if (meterBySlug(model, slug))
      throw badRequest(`A meter with slug "${slug}" already exists`, 'meter_slug_taken');
  } else {
    const base = slugify(input.name);
    slug = base;
    for (let n = 2; meterBySlug(model, slug); n++) slug = `${base}-${n}`;
  }
  const meter: MeterRecord = {
    meter_id: newId('prd_', model.now()),
    meter_slug: slug,
    name: input.name,
    rate_type: input.rate_type,
    tier_type: input.tier_type,
    tiers: input.tiers,
    created_at: model.now().toISOString(),
  };
  write(model).state.meters.set(meter.meter_id, meter);
  return meter;
}

/** Only the name and the tiers may change. */
export function updateMeter(
  model: Model,
  meterId: string,
  patch: { name?: string; tiers?: MeterTier[] },
): void {
  const meter = write(model).state.meters.get(meterId);
  if (!meter) return;
  if (patch.name !== undefined) meter.name = patch.name;
  if (patch.tiers !== undefined) meter.tiers = patch.tiers;
}

/** Deletes a meter and unlinks it from every plan. */
export function deleteMeter(model: Model, meterId: string): void {
  const { state } = write(model);
  state.meters.delete(meterId);
  for (const plan of state.plans.values()) plan.meter_ids = plan.meter_ids.filter((id) => id !== meterId);
}
