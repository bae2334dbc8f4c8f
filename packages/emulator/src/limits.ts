// How much of a request body the pipeline reads; past it, 413 in Lava's error shape.

/**
 * The most bytes the emulator reads of a request body: 10 MiB, far above any documented Lava body (a hosted
 * page's HTML is at most 1 MB).
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** The most bytes of a `/forward` or `/rewrite` body: 32 MiB, the request limit of Anthropic's API. */
export const MAX_GATEWAY_BODY_BYTES = 32 * 1024 * 1024;
