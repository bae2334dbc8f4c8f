// What the docs' examples may use without defining it: the app around the SDK call they show (the
// incoming request, the environment, your own functions). `pnpm docs:check` compiles every example with
// these declarations, so an example is checked for what it does with the SDK while it stays short; SDK
// names are never declared here (an example imports them, or is completed with its imports). An example
// that needs more declares it in a `<!-- docs:given … -->` comment (see CONTRIBUTING.md, Docs).

/** A client from `createLava()`, as the README's Usage section makes it. */
declare const lava: import('@lava-sdk/core').LavaClient;
/** The environment: Worker bindings, or `process.env` read into an object. */
declare const env: { LAVA_SECRET_KEY: string; LAVA_WEBHOOK_SECRET: string; LAVA_METER_SLUG: string };
/** The request your handler is answering. */
declare const request: Request;
/** The chat so far, for a provider SDK call. */
declare const messages: import('openai/resources/chat/completions').ChatCompletionMessageParam[];
declare type ChatCompletionChunk = import('openai/resources/chat/completions').ChatCompletionChunk;
/** An `openai` client wired to Lava with `gatewayFetch` (README, AI gateway). */
declare const openai: import('openai').OpenAI;
/** A forward token from `generateForwardToken()`. */
declare const token: string;
/** A request body and init for a plain `fetch`. */
declare const body: string;
declare const init: RequestInit;
/** The one-time code `lava-login`'s browser callback received. */
declare const code: string;
/** The `openai` package's client class, as `import OpenAI from 'openai'` gives it. */
declare const OpenAI: typeof import('openai').OpenAI;
/** A webhook endpoint's `webhook_secret`. */
declare const secret: string;
/** Your logger. */
declare const log: {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
/** Your ioredis client for BullMQ: `new IORedis(url, { maxRetriesPerRequest: null })`. */
declare const connection: import('ioredis').Redis;
/** Your HTTP server (Node's `http.Server`, or any with the same `close`). */
declare const server: import('node:http').Server;
/** A Redis client (ioredis), reduced to the commands the examples use. */
declare const redis: Redis;
declare interface Redis {
  hgetall(key: string): Promise<Record<string, string>>;
  hset(key: string, field: string, value: string): Promise<number>;
  hdel(key: string, ...fields: string[]): Promise<number>;
}
/** An emulator from `createEmulator()`, and a checkout session made on it. */
declare const emulator: import('@lava-sdk/emulator').Emulator;
declare const session: import('@lava-sdk/checkout-sessions').CheckoutSession;
/** A customer, as `retrieveCustomer()` returns it. */
declare const customer: import('@lava-sdk/customers').Customer;

// Your own functions, which the examples call with what the SDK returned.
declare function save(secretKey: string): Promise<void>;
declare function saveSecret(id: string, secret: string): Promise<void>;
declare function storeInVault(secret: string): Promise<void>;
declare function deploySecret(secret: string): Promise<void>;
declare function alertLowBalance(balance: string): void;
declare function refreshBalance(customerId: string): Promise<void>;
declare function forget(customerId: string): Promise<void>;
declare function redirect(url: string): Response;
declare function askForTopUp(): Response;
declare function handler(request: Request): Promise<Response>;
