import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { listModelsWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Model } from './Model';

/** The model catalogue, OpenAI-compatible: `{ object: 'list', data }` (not a cursor page). */
export interface ModelList {
  /** `list` (an open string). */
  object: 'list' | (string & {});
  /** Every model available (to this key). */
  data: Model[];
}

/** Schema of {@link ModelList}. */
export const ModelList = v.looseObject({ object: v.string(), data: v.array(Model) });

/**
 * Lists the models available through Lava's gateway (`GET /models`, OpenAI-compatible). The endpoint is
 * public: without a secret key the call is sent with no Authorization header; with one, the key is sent,
 * as the official SDK does (a spend key narrows the list to its allowed models and providers).
 *
 * @param lava - The client context; a secret key is optional.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ object: 'list', data: [{ id, object, created, owned_by }] }`.
 * @example
 * ```ts
 * const models = await listModels(createLava());
 * models.map((m) => m.data.map((model) => model.id));
 * ```
 */
export function listModels(lava: LavaClient, options?: CallOptions): ResultAsync<ModelList, LavaError> {
  return request(lava, { wire: listModelsWire, output: ModelList, auth: 'optional' }, options);
}
