import { type Credentials, exchangeAuthCode, type LoginOptions, login } from '@lava-sdk/auth';
import * as checkoutSessions from '@lava-sdk/checkout-sessions';
import {
  type CallOptions,
  createLava,
  type LavaClient,
  type LavaError,
  type LavaOptions,
} from '@lava-sdk/core';
import { lavaError, OPERATIONS, rawRequest, type StrictParams } from '@lava-sdk/core/internal';
import * as creditBundles from '@lava-sdk/credit-bundles';
import * as customers from '@lava-sdk/customers';
import {
  type ForwardTokenOptions,
  type GatewayOptions,
  gateway,
  generateForwardToken,
} from '@lava-sdk/gateway';
import * as meters from '@lava-sdk/meters';
import * as models from '@lava-sdk/models';
import { type ProviderUrls, providerUrls } from '@lava-sdk/providers';
import * as requests from '@lava-sdk/requests';
import * as secretKeys from '@lava-sdk/secret-keys';
import * as spendKeys from '@lava-sdk/spend-keys';
import * as subscriptions from '@lava-sdk/subscriptions';
import * as usage from '@lava-sdk/usage';
import * as webhooks from '@lava-sdk/webhooks';
import type { Result } from 'neverthrow';

// The packages of the official SDK's resource methods, by the name OPERATIONS gives them.
const PACKAGES = {
  '@lava-sdk/checkout-sessions': checkoutSessions,
  '@lava-sdk/credit-bundles': creditBundles,
  '@lava-sdk/customers': customers,
  '@lava-sdk/meters': meters,
  '@lava-sdk/models': models,
  '@lava-sdk/requests': requests,
  '@lava-sdk/secret-keys': secretKeys,
  '@lava-sdk/spend-keys': spendKeys,
  '@lava-sdk/subscriptions': subscriptions,
  '@lava-sdk/usage': usage,
  '@lava-sdk/webhooks': webhooks,
};

/**
 * Options of `new Lava(secretKey, config)`: the official SDK's `Config` (`baseUrl`, and `apiVersion`, which it
 * ignores too), plus every option of `createLava` except the key (fetch, timeout, retries, headers, logger).
 */
export interface LavaConfig extends Omit<LavaOptions, 'secretKey'> {
  /** @deprecated Ignored, as in `@lavapayments/nodejs`. */
  apiVersion?: string;
}

/** `Lava.login()` options: the official SDK's `baseUrl` (the Lava app URL) plus those of `login()`. */
export interface LavaLoginOptions extends LoginOptions {
  /** The Lava app URL, as the official SDK names it; same as `appBaseUrl`. */
  baseUrl?: string;
}

/**
 * The Promise of a Result: its value, or its LavaError thrown. A 2xx JSON body is never thrown away, as the
 * official SDK does not: an `invalid_response` that kept the body (`responseValidation: 'strict'`, a list
 * without a `data` array, a root that is not an object) resolves with that body. Only a body that is not
 * JSON at all rejects, as the official SDK's `response.json()` does.
 */
async function unwrap<T>(result: PromiseLike<Result<T, LavaError>>): Promise<T> {
  const settled = await result;
  if (settled.isOk()) return settled.value;
  const error = settled.error;
  if (error.kind === 'invalid_response' && error.body !== undefined) return error.body as T;
  throw error;
}

/** A params type as the official SDK declares it: see `StrictParams` in core. */
export type OfficialParams<T> = StrictParams<T>;

type Operation = (typeof OPERATIONS)[number];
type Packages = typeof PACKAGES;
/** An operation of one of the official SDK's resource objects: `official` is `resource.method`. */
type ResourceOperation = Extract<Operation, { official: `${string}.${string}`; package: keyof Packages }>;
/** The official SDK's resource names, e.g. `customers`. */
type ResourceName = ResourceOperation['official'] extends `${infer R}.${string}` ? R : never;
type FunctionOf<O extends ResourceOperation> = O['name'] extends keyof Packages[O['package']]
  ? Packages[O['package']][O['name']]
  : never;

/** A standalone SDK function bound to a client: the same arguments after `lava`, a Promise that throws. */
type Bound<F> = F extends (lava: LavaClient, ...args: infer A) => PromiseLike<Result<infer T, LavaError>>
  ? (...args: { [I in keyof A]: OfficialParams<A[I]> }) => Promise<T>
  : never;

/** The methods of one resource object, as OPERATIONS lists them. */
type Resource<R extends ResourceName> = {
  readonly [O in ResourceOperation as O['official'] extends `${R}.${infer M}` ? M : never]: Bound<
    FunctionOf<O>
  >;
};

// The 11 resource objects of the official SDK, each method delegating to one standalone function.
function resources(lava: LavaClient): Resources {
  const out: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    if (!('official' in op) || !(op.package in PACKAGES)) continue;
    const [resource, method] = op.official.split('.');
    if (!resource || !method || resource === 'Lava') continue;
    const fn = (PACKAGES as Record<string, Record<string, unknown>>)[op.package]?.[op.name] as (
      lava: LavaClient,
      ...args: unknown[]
    ) => PromiseLike<Result<unknown, LavaError>>;
    out[resource] = { ...out[resource], [method]: (...args: unknown[]) => unwrap(fn(lava, ...args)) };
  }
  return out as never;
}

/** The 11 resource objects of the official SDK, each method as OPERATIONS names it. */
type Resources = { readonly [R in ResourceName]: Resource<R> };

/** `lava.checkoutSessions`. */
export type CheckoutSessionsResource = Resource<'checkoutSessions'>;
/** `lava.customers`. */
export type CustomersResource = Resource<'customers'>;
/** `lava.requests`. */
export type RequestsResource = Resource<'requests'>;
/** `lava.usage`. */
export type UsageResource = Resource<'usage'>;
/** `lava.subscriptions`: plans and subscriptions. */
export type SubscriptionsResource = Resource<'subscriptions'>;
/** `lava.meters`. */
export type MetersResource = Resource<'meters'>;
/** `lava.creditBundles`. */
export type CreditBundlesResource = Resource<'creditBundles'>;
/** `lava.webhooks`. */
export type WebhooksResource = Resource<'webhooks'>;
/** `lava.secretKeys`. */
export type SecretKeysResource = Resource<'secretKeys'>;
/** `lava.spendKeys`. */
export type SpendKeysResource = Resource<'spendKeys'>;
/** `lava.models`. */
export type ModelsResource = Resource<'models'>;

/**
 * A drop-in replacement for the `Lava` class of `@lavapayments/nodejs` 11.x: same constructor, the same 11
 * resource objects with the same method names and argument order, `providers`, `gateway()`,
 * `generateForwardToken()` and the static `login()` / `exchangeAuthCode()`. For the same call it sends the
 * same method, path, query, JSON body and Authorization (see MIGRATION.md for the deliberate differences).
 *
 * Each method delegates to the standalone function of the same operation (`lava.customers.retrieve(id)` is
 * `retrieveCustomer(lava.client, id)`), returns a Promise of the same shape, and rejects with a
 * {@link LavaError} (`switch (e.kind)`). Like the official SDK, it never rejects a 2xx JSON body, whatever
 * `responseValidation` says: a body that differs from the docs is returned, and reported through
 * `onResponseIssues` and the logger. Every method also takes per-call options last: `{ signal,
 * timeoutMs, maxRetries, idempotencyKey, headers }`.
 *
 * @example
 * ```ts
 * import { Lava } from 'lava-sdk';
 *
 * const lava = new Lava(); // LAVA_SECRET_KEY
 * const { subscription } = await lava.customers.getSubscription('con_123');
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor assigns every member of Resources.
export class Lava {
  /** The immutable client context, for the standalone functions: `retrieveCustomer(lava.client, id)`. */
  readonly client: LavaClient;
  /** Forward base URL of every pre-configured provider: `${baseUrl}forward?u=${upstream}`. */
  readonly providers: ProviderUrls;

  /**
   * @param secretKey - Your secret key; defaults to `LAVA_SECRET_KEY`.
   * @param config - `baseUrl` (default `LAVA_BASE_URL`, else `https://sandbox-api.lava.so/v1/` for `aks_test_`
   *   keys and `https://api.lava.so/v1/` otherwise) and the options of `createLava`.
   * @throws A `config` LavaError when there is no key, as the official SDK does. Other options are checked
   *   when a call uses them, as `createLava` does: an invalid one makes that call reject with a `config` error.
   */
  constructor(secretKey?: string, config: LavaConfig = {}) {
    const { apiVersion: _ignored, ...options } = config ?? {};
    // `||`, as the official SDK: an empty key or base URL means "use the default".
    this.client = createLava({
      ...options,
      secretKey: secretKey || undefined,
      baseUrl: options.baseUrl || undefined,
    });
    if (!this.client.secretKey) {
      throw lavaError(
        'config',
        'Lava secret key is required. Pass it as the first argument or set the LAVA_SECRET_KEY environment variable.',
      );
    }
    Object.assign(this, resources(this.client));
    this.providers = providerUrls(this.client);
  }

  /**
   * Sends a request through Lava's gateway and returns the provider's parsed JSON, as the official
   * `lava.gateway()`; see the standalone `gateway()` for the options it adds (`metadata`, `signal`, …).
   *
   * @param url - The raw provider URL, e.g. `https://api.openai.com/v1/chat/completions`.
   * @param options - Method, body, headers, billing fields (`customer_id`, `meter_slug`, `provider_key`,
   *   `disable_billing`) and `format`.
   * @throws A LavaError: `invalid_params` for `customer_id` without `meter_slug`, `api` for a non-2xx.
   */
  gateway<T = unknown>(url: string, options?: GatewayOptions): Promise<T> {
    return unwrap(gateway<T>(this.client, url, options));
  }

  /**
   * Mints a forward token (base64 JSON of the secret key and billing fields), byte for byte as the
   * official SDK does.
   */
  generateForwardToken(options: ForwardTokenOptions = {}): string {
    return generateForwardToken(this.client, options);
  }

  /**
   * The official SDK's low-level escape hatch: `path` is resolved against the base URL as given (not
   * encoded), `query` values are appended, `data` is sent as JSON. It runs on the same pipeline as every
   * resource method (key checks, retries, timeout, no redirect followed) and the path may not leave the
   * base URL. Resolves with the parsed JSON body (`null` when empty) and throws a LavaError. Prefer the
   * resource methods, which validate and encode.
   */
  request<T = unknown>(
    method: string,
    path: string,
    {
      data,
      query,
    }: {
      data?: unknown;
      query?: Record<string, string | number | boolean | undefined> | undefined;
    } = {},
    options?: CallOptions,
  ): Promise<T> {
    return unwrap(rawRequest(this.client, { method, path, query, data }, options)) as Promise<T>;
  }

  /**
   * Logs in through the browser (a callback server on 127.0.0.1), as the official `Lava.login()`.
   *
   * @param options - `baseUrl` (the Lava app, default `https://www.lava.so`) and the options of `login()`.
   * @returns The credentials; `new Lava(credentials.secret_key)` uses them.
   */
  static login(options: LavaLoginOptions = {}): Promise<Credentials> {
    const { baseUrl, ...rest } = options ?? {};
    return unwrap(login({ ...rest, appBaseUrl: rest.appBaseUrl ?? baseUrl }));
  }

  /**
   * Exchanges a one-time CLI auth code for credentials (`POST /auth/callback`, no secret key), as the
   * official `Lava.exchangeAuthCode()`.
   *
   * @param options - The `code`, and `baseUrl` (the API, default `https://api.lava.so/v1/`).
   */
  static exchangeAuthCode(
    options: { code: string; baseUrl?: string },
    callOptions?: Parameters<typeof exchangeAuthCode>[1],
  ): Promise<Credentials> {
    return unwrap(exchangeAuthCode(options, callOptions));
  }
}

// The resource objects (`lava.customers`, …) are declared by `Resources`, derived from OPERATIONS, and
// assigned by the constructor: an official method added to the registry needs no edit here.
export interface Lava extends Resources {}
