import { type Credentials, exchangeAuthCode, type LoginOptions, login } from '@lava-sdk/auth';
import { createCheckoutSession } from '@lava-sdk/checkout-sessions';
import {
  type CallOptions,
  createLava,
  type LavaClient,
  type LavaError,
  type LavaOptions,
} from '@lava-sdk/core';
import { lavaError, parseJsonBody, type StrictParams, send, withRequestId } from '@lava-sdk/core/internal';
import { listCreditBundles, retrieveCreditBundle } from '@lava-sdk/credit-bundles';
import {
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} from '@lava-sdk/customers';
import {
  type ForwardTokenOptions,
  type GatewayOptions,
  gateway,
  generateForwardToken,
} from '@lava-sdk/gateway';
import { createMeter, deleteMeter, listMeters, retrieveMeter, updateMeter } from '@lava-sdk/meters';
import { listModels } from '@lava-sdk/models';
import { type ProviderUrls, providerUrls } from '@lava-sdk/providers';
import { createRequest, listRequests, retrieveRequest } from '@lava-sdk/requests';
import { createSecretKey, deleteSecretKey, listSecretKeys } from '@lava-sdk/secret-keys';
import {
  createSpendKey,
  listSpendKeys,
  retrieveSpendKey,
  revokeSpendKey,
  rotateSpendKey,
  updateSpendKey,
} from '@lava-sdk/spend-keys';
import {
  cancelSubscription,
  createPlan,
  createSubscription,
  deletePlan,
  listPlans,
  listSubscriptions,
  retrievePlan,
  updatePlan,
  updateSubscription,
} from '@lava-sdk/subscriptions';
import { retrieveUsage } from '@lava-sdk/usage';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  retrieveWebhook,
  updateWebhook,
} from '@lava-sdk/webhooks';
import { ok, type Result } from 'neverthrow';

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

/** The Promise of a Result: its value, or its LavaError thrown. */
async function unwrap<T>(result: PromiseLike<Result<T, LavaError>>): Promise<T> {
  const settled = await result;
  if (settled.isErr()) throw settled.error;
  return settled.value;
}

/** A params type as the official SDK declares it: see `StrictParams` in core. */
export type OfficialParams<T> = StrictParams<T>;

/** A standalone SDK function bound to a client: same arguments after `lava`, a Promise that throws. */
function bindTo(lava: LavaClient) {
  return <A extends unknown[], T>(fn: (lava: LavaClient, ...args: A) => PromiseLike<Result<T, LavaError>>) =>
    (...args: { [I in keyof A]: OfficialParams<A[I]> }): Promise<T> =>
      unwrap(fn(lava, ...(args as A)));
}

// The 11 resource objects of the official SDK, each method delegating to one standalone function.
function resources(lava: LavaClient) {
  const bind = bindTo(lava);
  return {
    checkoutSessions: { create: bind(createCheckoutSession) },
    customers: {
      create: bind(createCustomer),
      list: bind(listCustomers),
      retrieve: bind(retrieveCustomer),
      update: bind(updateCustomer),
      delete: bind(deleteCustomer),
      getSubscription: bind(getCustomerSubscription),
    },
    requests: { list: bind(listRequests), create: bind(createRequest), retrieve: bind(retrieveRequest) },
    usage: { retrieve: bind(retrieveUsage) },
    subscriptions: {
      listPlans: bind(listPlans),
      retrievePlan: bind(retrievePlan),
      createPlan: bind(createPlan),
      updatePlan: bind(updatePlan),
      deletePlan: bind(deletePlan),
      create: bind(createSubscription),
      list: bind(listSubscriptions),
      update: bind(updateSubscription),
      cancel: bind(cancelSubscription),
    },
    meters: {
      list: bind(listMeters),
      retrieve: bind(retrieveMeter),
      create: bind(createMeter),
      update: bind(updateMeter),
      delete: bind(deleteMeter),
    },
    creditBundles: { list: bind(listCreditBundles), retrieve: bind(retrieveCreditBundle) },
    webhooks: {
      list: bind(listWebhooks),
      retrieve: bind(retrieveWebhook),
      create: bind(createWebhook),
      update: bind(updateWebhook),
      delete: bind(deleteWebhook),
    },
    secretKeys: { list: bind(listSecretKeys), create: bind(createSecretKey), delete: bind(deleteSecretKey) },
    spendKeys: {
      list: bind(listSpendKeys),
      retrieve: bind(retrieveSpendKey),
      create: bind(createSpendKey),
      update: bind(updateSpendKey),
      revoke: bind(revokeSpendKey),
      rotate: bind(rotateSpendKey),
    },
    models: { list: bind(listModels) },
  };
}

type Resources = ReturnType<typeof resources>;
export type CheckoutSessionsResource = Resources['checkoutSessions'];
export type CustomersResource = Resources['customers'];
export type RequestsResource = Resources['requests'];
export type UsageResource = Resources['usage'];
export type SubscriptionsResource = Resources['subscriptions'];
export type MetersResource = Resources['meters'];
export type CreditBundlesResource = Resources['creditBundles'];
export type WebhooksResource = Resources['webhooks'];
export type SecretKeysResource = Resources['secretKeys'];
export type SpendKeysResource = Resources['spendKeys'];
export type ModelsResource = Resources['models'];

/**
 * A drop-in replacement for the `Lava` class of `@lavapayments/nodejs` 11.x: same constructor, the same 11
 * resource objects with the same method names and argument order, `providers`, `gateway()`,
 * `generateForwardToken()` and the static `login()` / `exchangeAuthCode()`. For the same call it sends the
 * same method, path, query, JSON body and Authorization (see MIGRATION.md for the deliberate differences).
 *
 * Each method delegates to the standalone function of the same operation (`lava.customers.retrieve(id)` is
 * `retrieveCustomer(lava.client, id)`), returns a Promise of the same shape, and rejects with a
 * {@link LavaError} (`switch (e.kind)`). Every method also takes per-call options last: `{ signal,
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
export class Lava {
  /** The immutable client context, for the standalone functions: `retrieveCustomer(lava.client, id)`. */
  readonly client: LavaClient;
  readonly checkoutSessions: CheckoutSessionsResource;
  readonly customers: CustomersResource;
  readonly requests: RequestsResource;
  readonly usage: UsageResource;
  /** Plans and subscriptions. */
  readonly subscriptions: SubscriptionsResource;
  readonly meters: MetersResource;
  readonly creditBundles: CreditBundlesResource;
  readonly webhooks: WebhooksResource;
  readonly secretKeys: SecretKeysResource;
  readonly spendKeys: SpendKeysResource;
  /** OpenAI-compatible model discovery. */
  readonly models: ModelsResource;
  /** Forward base URL of every pre-configured provider: `${baseUrl}forward?u=${upstream}`. */
  readonly providers: ProviderUrls;

  /**
   * @param secretKey - Your secret key; defaults to `LAVA_SECRET_KEY`.
   * @param config - `baseUrl` (default `LAVA_BASE_URL`, else `https://sandbox-api.lava.so/v1/` for `aks_test_`
   *   keys and `https://api.lava.so/v1/` otherwise) and the options of `createLava`.
   * @throws A `config` LavaError when there is no key or an option is invalid.
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
    const r = resources(this.client);
    this.checkoutSessions = r.checkoutSessions;
    this.customers = r.customers;
    this.requests = r.requests;
    this.usage = r.usage;
    this.subscriptions = r.subscriptions;
    this.meters = r.meters;
    this.creditBundles = r.creditBundles;
    this.webhooks = r.webhooks;
    this.secretKeys = r.secretKeys;
    this.spendKeys = r.spendKeys;
    this.models = r.models;
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
   * encoded), `query` values are appended, `data` is sent as JSON. Resolves with the parsed JSON body
   * (`null` when empty) and throws a LavaError. Prefer the resource methods, which validate and encode.
   */
  request<T = unknown>(
    method: string,
    path: string,
    { data, query }: { data?: unknown; query?: Record<string, string | number | boolean | undefined> } = {},
    options?: CallOptions,
  ): Promise<T> {
    const url = new URL(path, this.client.baseUrl);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.append(name, String(value));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.client.secretKey}` };
    const body = data === undefined ? undefined : JSON.stringify(data);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const result = send(this.client, { method: method.toUpperCase(), url: url.href, headers, body }, options);
    return unwrap(
      result.andThen(
        ({ text, status, requestId }): Result<T, LavaError> =>
          text.trim() === ''
            ? ok(null as T)
            : parseJsonBody(text, status, requestId).map((json) => withRequestId(json as T, requestId)),
      ),
    );
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
