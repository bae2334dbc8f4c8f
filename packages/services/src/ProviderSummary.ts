import * as v from 'valibot';

/** A gateway provider in the catalogue. */
export interface ProviderSummary {
  /** The provider's id (`openai`, `anthropic`, `serper`, …). */
  id: string;
  /** Its display name. */
  label: string;
  /** The upstream API's reference URL; newer than the other fields in Lava's reference, so may be absent. */
  api_reference?: string | null | undefined;
  /** What it provides (`model`, …). */
  service_type: string;
  /** Whether Lava holds the provider key (managed) rather than you (BYOK). */
  managed: boolean;
  /** How many services of this provider are in the catalogue. */
  entry_count: number;
}

/** Schema of {@link ProviderSummary}. */
export const ProviderSummary = v.looseObject({
  id: v.string(),
  label: v.string(),
  api_reference: v.nullish(v.string()),
  service_type: v.string(),
  managed: v.boolean(),
  entry_count: v.number(),
});
