import * as v from 'valibot';

/** Input and output prices of one modality. */
export interface ModalityPrice {
  /** Price of the input, per unit of the pricing `type`; absent when not billed. */
  input?: number | null | undefined;
  /** Price of the output; absent when not billed. */
  output?: number | null | undefined;
}

/** A service's pricing. Each pricing `type` (e.g. `tokens_1m`) fills only the prices it uses. */
export interface ServicePricing {
  /** The pricing unit (`tokens_1m`, …). */
  type: string;
  /** Price of input, per unit. */
  input?: number | null | undefined;
  /** Price of output, per unit. */
  output?: number | null | undefined;
  /** Price of cached input reads. */
  cache_input_read?: number | null | undefined;
  /** Price of cached input writes. */
  cache_input_write?: number | null | undefined;
  /** A flat price per request. */
  cost_per_request?: number | null | undefined;
  /** Text prices of a multimodal service. */
  text?: ModalityPrice | null | undefined;
  /** Audio prices. */
  audio?: ModalityPrice | null | undefined;
  /** Image prices. */
  image?: ModalityPrice | null | undefined;
}

/** How to poll an asynchronous service for its result. */
export interface ServiceWorkflow {
  /** The workflow kind (`poll`). */
  kind: string;
  /** The endpoint to poll, if any. */
  poll_after?: string | null | undefined;
  /** The response field that holds the job's id, if any. */
  id_field?: string | null | undefined;
}

/**
 * One model or API service reachable through Lava's gateway, with pricing and capabilities. The call
 * details (`endpoint`, `method`, `url_template`, `workflow`, `example_body`, `api_reference`) are newer
 * in Lava's reference and may be absent.
 */
export interface Service {
  /** The service's id (a model id such as `gpt-4o-mini`). */
  id: string;
  /** The object kind (`model`). */
  object: string;
  /** The provider's id. */
  provider: string;
  /** The provider's display name. */
  provider_label: string;
  /** What the service is (`model`, …). */
  service_type: string;
  /** Whether Lava holds the provider key (managed) rather than you (BYOK). */
  managed: boolean;
  /** Its prices. */
  pricing: ServicePricing;
  /** What it can do (`chat`, `vision`, …). */
  capabilities: string[];
  /** The upstream API's reference URL. */
  api_reference?: string | null | undefined;
  /** The upstream endpoint. */
  endpoint?: string | null | undefined;
  /** The HTTP method of the endpoint. */
  method?: string | null | undefined;
  /** A URL template for the endpoint. */
  url_template?: string | null | undefined;
  /** How to poll an asynchronous service. */
  workflow?: ServiceWorkflow | null | undefined;
  /** An example request body. */
  example_body?: unknown;
}

const Price = v.nullish(v.number());
const InOut = v.nullish(v.looseObject({ input: Price, output: Price }));

/** Schema of {@link Service}. */
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
