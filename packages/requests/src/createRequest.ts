import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createRequestWire, NonEmpty, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Request } from './Request';

// Request metadata rules (lava-api.md §2.3, §3.5): at most 100 pairs; keys of ASCII letters, digits and
// underscores; keys and values 1–255 characters. One rawCheck puts each issue at its key (`metadata.k`):
// a record of two key and value schemas, and a check for the count, cost every bundle ~120 B gzip more.
const RequestMetadata = v.pipe(
  v.custom<Record<string, string>>(
    (m) => typeof m === 'object' && m !== null,
    'must be an object of string pairs',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const metadata = dataset.value;
    const entries = Object.entries(metadata);
    if (entries.length > 100) addIssue({ message: 'must have at most 100 pairs' });
    for (const [key, value] of entries) {
      const message = !/^\w{1,255}$/.test(key)
        ? 'keys must be 1 to 255 ASCII letters, digits or underscores'
        : (typeof value !== 'string' || value === '' || value.length > 255) &&
          'values must be strings of 1 to 255 characters';
      if (message)
        addIssue({ message, path: [{ type: 'object', origin: 'value', input: metadata, key, value }] });
    }
  }),
);

const Count = v.optional(
  v.custom<number>((n) => Number.isFinite(n) && (n as number) >= 0, 'must be a finite number, 0 or more'),
);

/** Params of `createRequest`: whose usage, priced by which meter, and how much. */
export interface CreateRequestParams {
  /**
   * Your id for this usage record (required, not empty): Lava is idempotent on it, so sending the same id
   * again returns the existing record and bills nothing more.
   */
  request_id: string;
  /** The customer to bill (required): `con_…` or your `reference_id`. */
  customer_id: string;
  /** The meter that prices the usage (required): its `meter_slug`, not its `meter_id`. */
  meter_slug: string;
  /**
   * Your key-value data for the request history: at most 100 pairs; keys of 1 to 255 ASCII letters, digits
   * or underscores; values strings of 1 to 255 characters.
   */
  metadata?: Record<string, string> | undefined;
  /** Input tokens used: a finite number, 0 or more. */
  input_tokens?: number | undefined;
  /** Output tokens produced: a finite number, 0 or more. */
  output_tokens?: number | undefined;
  /** Input characters (for character-priced meters): a finite number, 0 or more. */
  input_characters?: number | undefined;
  /** Output characters (for character-priced meters): a finite number, 0 or more. */
  output_characters?: number | undefined;
  /** Input seconds (for duration-priced meters): a finite number, 0 or more. */
  input_seconds?: number | undefined;
  /** Output seconds (for duration-priced meters): a finite number, 0 or more. */
  output_seconds?: number | undefined;
}

/** Schema of {@link CreateRequestParams}. */
export const CreateRequestParams = v.looseObject({
  request_id: NonEmpty,
  customer_id: NonEmpty,
  meter_slug: NonEmpty,
  metadata: v.optional(RequestMetadata),
  input_tokens: Count,
  output_tokens: Count,
  input_characters: Count,
  output_characters: Count,
  input_seconds: Count,
  output_seconds: Count,
});

/**
 * Records usage for a customer against a meter (`POST /requests`), for usage that did not go through
 * the gateway. Idempotent on your `request_id`: a repeated id returns the existing record.
 *
 * @param lava - The client context.
 * @param params - `request_id` (your id), `customer_id`, `meter_slug`; optional `metadata` and the
 *   `input_`/`output_` `tokens`, `characters` and `seconds` counts (>= 0).
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The request record.
 * @example
 * ```ts
 * await createRequest(lava, {
 *   request_id: 'job_42',
 *   customer_id: 'con_123',
 *   meter_slug: 'chat',
 *   input_tokens: 120,
 *   output_tokens: 80,
 *   metadata: { feature: 'chat' },
 * });
 * ```
 */
export function createRequest(
  lava: LavaClient,
  params: CreateRequestParams,
  options?: CallOptions,
): ResultAsync<Request, LavaError> {
  return request(
    lava,
    { wire: createRequestWire, params, input: CreateRequestParams, output: Request },
    options,
  );
}
