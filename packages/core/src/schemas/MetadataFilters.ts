import * as v from 'valibot';

/**
 * `metadata_filters` as `listRequests` and `retrieveUsage` take it: an object of string pairs, sent as the
 * JSON string of its `[key, value]` entries, exactly as the official SDK builds it. A value that is not a
 * string is an issue at its key (`metadata_filters.n`). One `rawTransform` checks and converts, rather than
 * `record` + `transform`: about 140 B gzip less in each bundle that has it.
 */
export const MetadataFilters = v.pipe(
  v.custom<Record<string, string>>(
    (m) => typeof m === 'object' && m !== null,
    'must be an object of strings',
  ),
  v.rawTransform(({ dataset: { value: filters }, addIssue }) => {
    const entries = Object.entries(filters);
    for (const [key, value] of entries)
      if (typeof value !== 'string')
        addIssue({
          message: 'must be a string',
          path: [{ type: 'object', origin: 'value', input: filters, key, value }],
        });
    return JSON.stringify(entries);
  }),
);
