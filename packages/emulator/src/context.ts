// What every handler receives: the request, read and authenticated by the pipeline, and the model.
import type { WireMethod } from '@lava-sdk/core/internal';
import type { Model } from './model/model';

/** Builds the assistant text of a fake upstream reply; the default echoes the last user message. */
export type ReplyFunction = (input: { provider: string; model: string; prompt: string }) => string;

/** The emulator's parts a handler uses besides the request. */
export interface Env {
  readonly model: Model;
  readonly reply: ReplyFunction;
  /** Pause between the events of a fake upstream stream, as a model generating tokens would. */
  readonly streamDelayMs: number;
}

/** Who the auth stage found: the merchant by secret key, or a gateway caller (key or forward token). */
export type Caller =
  | { kind: 'secret'; secretKey: string }
  | {
      kind: 'gateway';
      customerId: string | null;
      meterId: string | null;
      providerKey: string | null;
      payer: 'customer' | 'merchant';
    };

export interface Ctx {
  readonly env: Env;
  /** The model: read its state, change it through its commands. */
  readonly model: Model;
  readonly request: Request;
  readonly url: URL;
  readonly query: URLSearchParams;
  /** Path parameters by the names of the route (`{customer_id}`), decoded; a `{name*}` holds the raw rest. */
  readonly params: Record<string, string>;
  /** The API base of this request, e.g. `http://127.0.0.1:4010/v1/`. */
  readonly baseUrl: string;
  /** Set by the auth stage for routes that need a credential. */
  readonly caller: Caller | undefined;
  /** The id sent back in `x-lava-request-id`; gateway and usage routes set it to the recorded request's. */
  requestId: string;
  /** The request body as text (read once by the pipeline, within the body limit). */
  text(): string;
  /** The body as a JSON object (400 for malformed JSON, or for none when `required`). */
  body(required?: boolean): Record<string, unknown>;
}

export type Handle = (ctx: Ctx) => Response | Promise<Response>;

/** Who may call a route: the merchant's secret key, anyone, or a gateway credential. */
export type RouteAuth = 'secret' | 'none' | 'gateway';

/** A route as its module declares it: a path under its area's root, `{name}` one segment, `{name*}` the rest. */
export interface RouteSpec {
  method: WireMethod | 'ANY';
  path: string;
  auth: RouteAuth;
  handle: Handle;
  /** The most body bytes it reads; default MAX_BODY_BYTES (limits.ts). */
  maxBody?: number;
}
