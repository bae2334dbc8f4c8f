import type { LavaClient, LavaIssue } from '@lava-sdk/core';
import { providers } from '@lava-sdk/providers';
import { type BillingOptions, checkMetadata, invalidParams, metadataHeader, tokenOptions } from './_options';
import { isStreamBody } from './_streamBody';
import { forwardUrl } from './forwardUrl';
import { generateForwardToken } from './generateForwardToken';
import { type RewriteFormat, rewriteIssue, rewriteUrl } from './rewriteUrl';

/** Options of {@link gatewayFetch}: who pays (as `gateway()`), metadata, the rewrite proxy, the transport. */
export interface GatewayFetchOptions extends BillingOptions {
  /**
   * Send through the rewrite proxy instead of the forward proxy: Lava translates the client's `format`
   * to the provider of `url` and back. For `openai` and `anthropic` the client's own path
   * (`/v1/chat/completions`, `/v1/messages`) is appended for Lava to strip; for `google` and `bedrock`
   * `url` must be the full provider endpoint.
   */
  rewrite?: {
    /** The format the client speaks: `openai`, `anthropic`, `google` or `bedrock`. */
    format: RewriteFormat;
    /**
     * The provider endpoint Lava sends to, such as `https://api.anthropic.com/v1/messages`: for `google`
     * and `bedrock` the full endpoint; for `openai` and `anthropic`, the client's own path is appended.
     */
    url: string;
  };
  /**
   * Hosts to forward beside those of the known providers (`providers` in `@lava-sdk/providers`), e.g. a
   * provider Lava added since this release. A request to any other host is refused before it is sent.
   */
  allowHosts?: readonly string[];
  /** The fetch that sends to Lava. Default: the client's `fetch` option, else the platform's. */
  fetch?: typeof fetch;
}

/** The headers provider SDKs carry their API key in: Lava gets the forward token instead. */
const CREDENTIALS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key', 'xi-api-key'];

/**
 * A `fetch` for a provider SDK that stays on its default base URL: every request the SDK makes to
 * `https://<provider host>/<path>?<query>` goes to Lava's documented forward proxy,
 * `${baseUrl}forward?u=${encodeURIComponent(full provider URL)}`, with `Authorization: Bearer <forward
 * token>`. Give it to the SDK's `fetch` option with any placeholder API key.
 *
 * - The credentials SDKs attach (`Authorization`, `x-api-key`, `x-goog-api-key`, `api-key`,
 *   `xi-api-key`, Google's `key` query parameter) never reach Lava; your secret key travels only
 *   inside the forward token.
 * - Method, body, the SDK's other headers and its abort signal pass through unchanged (a stream body
 *   gets `duplex: 'half'` when the SDK did not set it, as fetch requires); the response
 *   comes back as is, so streams are read as they arrive and errors are the SDK's own error types
 *   (see {@link lavaErrorOf} to tell Lava's refusals from the provider's). Nothing is added but the
 *   token, `x-lava-metadata` when you pass `metadata`, and the client's `headers`.
 * - Nothing is retried here (the SDK has its own retries; a retried completion could be billed twice,
 *   so consider `maxRetries: 0` on the SDK). Redirects are not followed, so the token never goes to
 *   another host.
 * - A request to a host that is not a known provider (and not in `allowHosts`), or not `https:`,
 *   rejects with an `invalid_params` LavaError and sends nothing; the SDK reports it as a connection
 *   error whose `cause` is that LavaError.
 *
 * The token is minted once, here: make one `gatewayFetch` per customer (it is cheap).
 *
 * @param lava - The client context from `createLava`; its secret key goes into the forward token.
 * @param options - Billing fields, `metadata`, `rewrite`, `allowHosts`, `fetch`.
 * @returns A function with `fetch`'s signature.
 * @throws An `invalid_params` LavaError for invalid options (the same rules and messages as
 *   `gateway()`), a `config` LavaError without a secret key, or in a browser unless the client was
 *   created with `dangerouslyAllowBrowser: true`.
 * @example
 * ```ts
 * import OpenAI from 'openai';
 * const openai = new OpenAI({
 *   apiKey: 'unused',
 *   fetch: gatewayFetch(lava, { customer_id: 'con_123', meter_slug: 'ai-usage' }),
 * });
 * const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
 * ```
 */
export function gatewayFetch(lava: LavaClient, options: GatewayFetchOptions = {}): typeof fetch {
  const { metadata, rewrite, allowHosts = [] } = options;
  const issues: LavaIssue[] = [];
  const meta = metadata === undefined ? undefined : checkMetadata(metadata, issues);
  const billing = tokenOptions(options, issues);
  const bad = rewrite !== undefined && rewriteIssue(rewrite?.format, rewrite?.url);
  if (bad) issues.push({ path: 'rewrite', message: `${bad.path} ${bad.message}` });
  if (!Array.isArray(allowHosts) || allowHosts.some((h) => typeof h !== 'string')) {
    issues.push({ path: 'allowHosts', message: 'must be an array of host names' });
  }
  if (issues.length > 0) throw invalidParams(issues);
  const authorization = `Bearer ${generateForwardToken(lava, billing)}`;
  const hosts = [...Object.values(providers).map((base) => new URL(base).host), ...allowHosts];

  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    if (url.protocol !== 'https:' || !hosts.includes(url.host)) {
      const message = `${url.origin} is not a Lava provider: pass allowHosts to forward it anyway`;
      throw invalidParams([{ path: 'url', message }]);
    }
    if (url.searchParams.has('key')) url.searchParams.delete('key');
    const headers = new Headers(init?.headers ?? request?.headers);
    for (const name of CREDENTIALS) headers.delete(name);
    for (const [name, value] of Object.entries(lava.headers))
      if (!headers.has(name)) headers.set(name, value);
    headers.set('authorization', authorization);
    if (meta) headers.set('x-lava-metadata', metadataHeader(meta));
    const target = !rewrite
      ? forwardUrl(lava, url.href)
      : // The SDK's path and query are checked with the rest: an encoded `..%2f` must not climb out either.
        rewriteUrl(
          lava,
          rewrite.format,
          rewrite.url +
            (rewrite.format === 'openai' || rewrite.format === 'anthropic' ? url.pathname : '') +
            url.search,
        );
    const forwarded: RequestInit & { duplex?: 'half' } = request
      ? { method: request.method, body: request.body, signal: request.signal, duplex: 'half', ...init }
      : { ...init };
    forwarded.headers = headers;
    forwarded.redirect = 'manual';
    // A stream body (an upload read as it goes) is sent only with `duplex: 'half'`, which not every SDK sets.
    const { body } = forwarded;
    if (typeof body === 'object' && body !== null && isStreamBody(body)) forwarded.duplex ??= 'half';
    return (options.fetch ?? lava.fetch ?? fetch)(target, forwarded);
  }) as typeof fetch;
}
