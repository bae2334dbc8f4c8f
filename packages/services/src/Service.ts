import * as v from 'valibot';

const Price = v.nullish(v.number());
const InOut = v.nullish(v.looseObject({ input: Price, output: Price }));

/**
 * One model or API service reachable through Lava's gateway, with pricing and capabilities. Each pricing
 * `type` (e.g. `tokens_1m`) fills only the prices it uses, so every price may be absent. The call details
 * (`endpoint`, `method`, `url_template`, `workflow`, `example_body`, `api_reference`) are newer in Lava's
 * reference and are optional here.
 */
export const Service = v.looseObject({
  id: v.string(),
  object: v.string(),
  provider: v.string(),
  provider_label: v.string(),
  service_type: v.string(),
  managed: v.boolean(),
  pricing: v.looseObject({
    type: v.string(),
    input: Price,
    output: Price,
    cache_input_read: Price,
    cache_input_write: Price,
    cost_per_request: Price,
    text: InOut,
    audio: InOut,
    image: InOut,
  }),
  capabilities: v.array(v.string()),
  api_reference: v.nullish(v.string()),
  endpoint: v.nullish(v.string()),
  method: v.nullish(v.string()),
  url_template: v.nullish(v.string()),
  workflow: v.nullish(
    v.looseObject({ kind: v.string(), poll_after: v.nullish(v.string()), id_field: v.nullish(v.string()) }),
  ),
  example_body: v.optional(v.unknown()),
});
export type Service = v.InferOutput<typeof Service>;
