// The emulator's domain model: the one owner of its state. The other modules of src/model/ are its
// commands (create a customer, charge, complete a checkout, advance the clock, …): they alone change the
// state, and emit events (webhooks) to the outbox that delivery (src/deliver.ts) drains. Everything outside
// src/model/ reads the state through `Model.state`, typed read-only, and changes it by calling a command.
import { type EmulatorSeed, type EmulatorState, emptyState, type WebhookDelivery } from './state';

/** `T` read-only all the way down: what the views, the pages and the HTTP layer see of the state. */
export type Snapshot<T> =
  T extends Map<infer K, infer V>
    ? ReadonlyMap<K, Snapshot<V>>
    : T extends readonly (infer U)[]
      ? readonly Snapshot<U>[]
      : T extends object
        ? { readonly [P in keyof T]: Snapshot<T[P]> }
        : T;

/** `customer.deleted` is inferred: Lava's docs mention deletion events without naming it. */
export type WebhookEvent = 'customer.created' | 'customer.wallet.balance.updated' | 'customer.deleted';

/** An event a command emitted: its body is the customer as it stood then. */
export interface OutboxEvent {
  readonly event: WebhookEvent;
  /** The exact bytes every webhook receives (the signature covers them). */
  readonly body: string;
}

export interface Model {
  /** The live state, read-only: change it through a command. */
  readonly state: Snapshot<EmulatorState>;
  readonly seed: EmulatorSeed;
  /** The emulator's clock. */
  now(): Date;
  /** Events emitted and not yet taken by delivery. */
  readonly outbox: readonly OutboxEvent[];
}

/** The model's own, writable view of itself, for the commands of src/model/ only (a test checks it). */
export interface Writable {
  state: EmulatorState;
  outbox: OutboxEvent[];
  /** Called after a command emitted events, so delivery can drain them. */
  notify(): void;
}

const writables = new WeakMap<Model, Writable>();

/** The state and outbox of `model`, writable: for commands. */
export function write(model: Model): Writable {
  return writables.get(model) as Writable;
}

export interface ModelOptions {
  seed: EmulatorSeed;
  /** Wallet balance in 1e-10 USD. */
  balance: bigint;
  now: () => Date;
  /** Told when events wait in the outbox. */
  onEvents?: () => void;
}

export function createModel(options: ModelOptions): Model {
  const { seed } = options;
  const inner: Writable = {
    state: emptyState(seed, options.balance, options.now().toISOString()),
    outbox: [],
    notify: options.onEvents ?? (() => undefined),
  };
  const model: Model = {
    get state() {
      return inner.state;
    },
    seed,
    now: options.now,
    get outbox() {
      return inner.outbox;
    },
  };
  writables.set(model, inner);
  return model;
}

/** Forgets everything but the seed (the state object stays the same, so references to it stay live). */
export function resetModel(model: Model, balance: bigint): void {
  const inner = write(model);
  Object.assign(inner.state, emptyState(model.seed, balance, model.now().toISOString()));
  inner.outbox.length = 0;
}

export type { EmulatorState, WebhookDelivery };
