// What every route handler receives.
import type { EmulatorSeed, EmulatorState } from './store';

/** Builds the assistant text of a fake upstream reply; the default echoes the last user message. */
export type ReplyFunction = (input: { provider: string; model: string; prompt: string }) => string;

/** Emulator internals shared by the resource modules. */
export interface Env {
  readonly state: EmulatorState;
  readonly seed: EmulatorSeed;
  now(): Date;
  /** Used for webhook deliveries. */
  readonly fetch: typeof fetch;
  readonly reply: ReplyFunction;
  /** Pause between the events of a fake upstream stream, as a model generating tokens would. */
  readonly streamDelayMs: number;
  /** Keeps a background promise (a webhook delivery) so `settled()` can wait for it. */
  track(promise: Promise<unknown>): void;
}

export interface Ctx {
  readonly env: Env;
  readonly state: EmulatorState;
  readonly request: Request;
  readonly url: URL;
  readonly query: URLSearchParams;
  /** Route parameters, decoded; `*` holds the rest of the path for wildcard routes. */
  readonly params: Record<string, string>;
  /** The API base of this request, e.g. `http://127.0.0.1:4010/v1/`. */
  readonly baseUrl: string;
  /** The id sent back in `x-lava-request-id`; gateway routes set it to the recorded request's id. */
  requestId: string;
  /** The parsed JSON object body (400 for malformed JSON). */
  body(required?: boolean): Promise<Record<string, unknown>>;
  nowIso(): string;
}

export type Handler = (ctx: Ctx) => Response | Promise<Response>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'ANY';
  /** Segments under the API base; `:name` captures one segment, a trailing `*` the rest. */
  path: string;
  /** `secret` = merchant secret key in Authorization; `none` = public; `gateway` = the route authenticates. */
  auth: 'secret' | 'none' | 'gateway';
  handler: Handler;
}
