// Which real provider endpoint a gateway call targets, from the one provider list in @lava-sdk/providers
// (base URLs, APIs and their endpoints). Anything else is refused before it is billed, as Lava would not
// forward it: an unknown host, a base it does not serve, a doubled version segment, a repeated or unknown path.
import {
  type ProviderApi,
  type ProviderName,
  providerApis,
  providerEndpoints,
  providers,
} from '@lava-sdk/providers';
import { badRequest } from '../http';

/** One base URL of a provider (a provider with another API version has two). */
export interface KnownProvider {
  name: ProviderName;
  /** Lava's provider id, as request records name it. */
  id: string;
  label: string;
  api: ProviderApi;
  base: string;
  host: string;
  /** The base URL's path, e.g. `/v1`, `/openai/v1`. */
  path: string;
}

export const KNOWN_PROVIDERS: readonly KnownProvider[] = (Object.keys(providers) as ProviderName[]).flatMap(
  (name) => {
    const { id, label, api, otherBases = [] } = providerApis[name];
    return [providers[name], ...otherBases].map((base) => {
      const url = new URL(base);
      return { name, id, label, api, base, host: url.host, path: url.pathname };
    });
  },
);

/** One endpoint of an API: `POST /chat/completions`, `POST /models/{model}:generateContent`. */
export interface Endpoint {
  method: string;
  /** The path template, relative to the base. */
  path: string;
  pattern: RegExp;
  names: string[];
}

function compile(spec: string): Endpoint {
  const [method = '', path = ''] = spec.split(' ');
  const names: string[] = [];
  const source = path
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(part.slice(1, -1));
      return '([^/]+?)';
    })
    .join('');
  return { method, path, pattern: new RegExp(`^${source}$`), names };
}

const ENDPOINTS = Object.fromEntries(
  Object.entries(providerEndpoints).map(([api, specs]) => [api, specs.map(compile)]),
) as Record<ProviderApi, Endpoint[]>;

/** A resolved forward target: a real endpoint of a known provider. */
export interface Target {
  provider: KnownProvider;
  endpoint: Endpoint;
  /** Path parameters, decoded: `{ model: 'gemini-2.0-flash' }`. */
  params: Record<string, string>;
  /** The upstream URL Lava calls, without credentials (`key`). */
  url: URL;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function matchEndpoint(api: ProviderApi, method: string | undefined, relative: string) {
  for (const endpoint of ENDPOINTS[api]) {
    if (method !== undefined && endpoint.method !== method) continue;
    const match = endpoint.pattern.exec(relative);
    if (match) return { endpoint, values: match.slice(1) };
  }
  return undefined;
}

/** Why a path under a known base is no endpoint: said plainly, since our own URL helpers once did this. */
function whyNot(api: ProviderApi, provider: KnownProvider, relative: string): string {
  const version = /^\/(v\d+(?:alpha|beta)?\d*)(?:\/|$)/.exec(relative);
  if (version) return `doubled version segment (${provider.path}/${version[1]})`;
  const segments = relative.split('/').slice(1);
  for (let i = 1; i < segments.length; i++) {
    const tail = `/${segments.slice(i).join('/')}`;
    if (!matchEndpoint(api, undefined, tail)) continue;
    const head = `/${segments.slice(0, i).join('/')}`;
    return matchEndpoint(api, undefined, head) || tail.startsWith(head)
      ? `repeated path (${head} then ${tail})`
      : `extra path segments ${head} before ${tail}`;
  }
  return 'unknown path';
}

/**
 * The endpoint a `method` call to `url` reaches; throws Lava's 400 (`unsupported_provider` or
 * `unsupported_endpoint`) when it is not a real endpoint of a known provider.
 */
export function resolveTarget(method: string, url: URL): Target {
  const candidates = KNOWN_PROVIDERS.filter((p) => p.host === url.host);
  if (candidates.length === 0) {
    throw badRequest(`Unsupported provider URL: ${url.host} is not a Lava provider`, 'unsupported_provider');
  }
  if (url.protocol !== 'https:') {
    throw badRequest(`Unsupported provider URL: ${url.origin} must be https`, 'invalid_target_url');
  }
  const path = url.pathname;
  let provider: KnownProvider | undefined;
  for (const p of candidates) {
    if (
      (path === p.path || path.startsWith(`${p.path}/`)) &&
      (!provider || p.path.length > provider.path.length)
    ) {
      provider = p;
    }
  }
  const shown = `${url.origin}${path}`;
  const label = (candidates[0] as KnownProvider).label;
  if (!provider) {
    const bases = candidates.map((p) => p.base).join(', ');
    throw badRequest(
      `Unsupported endpoint: ${shown} is not an endpoint of ${label} (its API is under ${bases})`,
      'unsupported_endpoint',
    );
  }
  const relative = path.slice(provider.path.length);
  const found = matchEndpoint(provider.api, method, relative);
  if (!found) {
    const other = matchEndpoint(provider.api, undefined, relative);
    throw badRequest(
      other
        ? `Unsupported endpoint: ${label} has no ${method} ${shown} (it takes ${other.endpoint.method})`
        : `Unsupported endpoint: ${shown} is not an endpoint of ${label}: ${whyNot(provider.api, provider, relative)}`,
      'unsupported_endpoint',
    );
  }
  const params: Record<string, string> = {};
  found.endpoint.names.forEach((name, i) => {
    params[name] = decode(found.values[i] ?? '');
  });
  const upstream = new URL(url.href);
  if (upstream.searchParams.has('key')) upstream.searchParams.delete('key');
  upstream.hash = '';
  return { provider, endpoint: found.endpoint, params, url: upstream };
}
