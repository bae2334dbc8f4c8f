import { type CallOptions, createLava, type LavaError, PRODUCTION_BASE_URL } from '@lava-sdk/core';
import { exchangeAuthCodeWire, request } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Credentials } from './Credentials';
import { scrubError } from './scrub';

/** What {@link exchangeAuthCode} takes. */
export interface ExchangeAuthCodeParams {
  /** The one-time code the browser delivered to the login callback (valid 60 s, single use). */
  code: string;
  /** API base URL. Default `https://api.lava.so/v1/`; a trailing `/` is added. `LAVA_BASE_URL` is not read. */
  baseUrl?: string | undefined;
}

/** Per-call options of {@link exchangeAuthCode}. */
export interface ExchangeAuthCodeOptions extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'maxRetries'> {
  /**
   * Retries after a network error, 408, 409, 429 or 5xx. Default 0: the code is single use, and Lava does not
   * document `Idempotency-Key` on this endpoint, so a retry after a lost answer would be refused.
   */
  maxRetries?: number | undefined;
  /** A fetch implementation, for tests, proxies or custom agents. Defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
}

// Fixed messages, so a rejected code is never quoted back in the error.
const ExchangeParams = v.object({
  code: v.pipe(v.string('code must be a string'), v.nonEmpty('code must not be empty')),
});

/**
 * Exchanges a one-time CLI login code for API credentials (`POST /auth/callback`, JSON `{ code }`).
 * The endpoint takes no secret key: no Authorization header is sent, even when `LAVA_SECRET_KEY` is set.
 * Error messages never contain the code or the returned secret key.
 *
 * Sent once by default (`maxRetries: 0`): the code is single use, so if Lava accepted it and the answer was
 * lost, a retry would only get "invalid code" while the credentials the first attempt minted are gone. Lava
 * does not document `Idempotency-Key` on `/auth/callback`, so a key cannot make the retry safe. Pass
 * `maxRetries` to retry anyway (say, behind a proxy that answers 503 before Lava sees the request).
 *
 * @param params - The code and, optionally, the API base URL.
 * @param options - Signal, timeout, retries (default 0) and fetch.
 * @returns The credentials, or a LavaError (`api` for a rejected or expired code, `invalid_response`
 *   when the body lacks a documented field, `config` for an invalid `baseUrl`).
 * @example
 * ```ts
 * const result = await exchangeAuthCode({ code });
 * result.match((c) => save(c.secret_key), (e) => console.error(e.kind, e.message));
 * ```
 */
export function exchangeAuthCode(
  params: ExchangeAuthCodeParams,
  options: ExchangeAuthCodeOptions = {},
): ResultAsync<Credentials, LavaError> {
  const { code, baseUrl } = (params ?? {}) as Partial<ExchangeAuthCodeParams>;
  let lava: ReturnType<typeof createLava>;
  try {
    // An explicit baseUrl, so LAVA_BASE_URL cannot redirect the exchange. createLava may still pick up
    // LAVA_SECRET_KEY from the environment; `auth: false` below keeps it off the wire.
    lava = createLava({ baseUrl: baseUrl ?? PRODUCTION_BASE_URL, fetch: options.fetch });
  } catch (error) {
    return errAsync(error as LavaError);
  }
  const { signal, timeoutMs, maxRetries = 0 } = options;
  return request(
    lava,
    {
      wire: exchangeAuthCodeWire,
      params: { code },
      input: ExchangeParams,
      output: Credentials,
      auth: false,
    },
    { signal, timeoutMs, maxRetries },
  ).mapErr((error) => scrubError(error, [code]));
}
