import * as v from 'valibot';

/**
 * `metadata_filters` as `listRequests` and `retrieveUsage` take it: an object of string pairs, sent as the
 * JSON string of its `[key, value]` entries, exactly as the official SDK builds it.
 */
export const MetadataFilters = v.pipe(
  v.record(v.string(), v.string()),
  v.transform((filters) => JSON.stringify(Object.entries(filters))),
);
