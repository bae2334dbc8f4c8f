import * as v from 'valibot';

/**
 * A gateway provider in the catalogue. `api_reference` (the upstream API docs URL) is newer than the
 * other fields in Lava's reference, so it may be absent.
 */
export const ProviderSummary = v.looseObject({
  id: v.string(),
  label: v.string(),
  api_reference: v.nullish(v.string()),
  service_type: v.string(),
  managed: v.boolean(),
  entry_count: v.number(),
});
export type ProviderSummary = v.InferOutput<typeof ProviderSummary>;
