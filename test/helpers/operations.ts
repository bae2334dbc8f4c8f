// The REST operations of the registry (OPERATIONS) as tests call them: each function of its package, with
// the smallest valid arguments (CALLS).
import type { LavaClient, LavaError } from '@lava-sdk/core';
import { OPERATIONS } from '@lava-sdk/core/internal';
import type { Result } from 'neverthrow';
import { CALLS } from './docs-examples';
import { BASE_URL } from './lava';

/** The REST operations of the registry: those with a wire request. */
export const WIRED = OPERATIONS.filter((op) => 'wire' in op);

// The packages of the registry's operations, loaded by name.
const packages: Record<string, Record<string, unknown>> = {};
for (const op of OPERATIONS) packages[op.package] ??= await import(op.package);

export type Call = () => PromiseLike<Result<unknown, LavaError>>;

/** A call of the operation `name` of package `pkg` through the client `lava`, with its CALLS arguments. */
export function callOf(name: string, pkg: string, lava: LavaClient): Call {
  const fn = packages[pkg]?.[name] as (...args: unknown[]) => ReturnType<Call>;
  // exchangeAuthCode takes no client: its base URL and code are its params.
  if (name === 'exchangeAuthCode') return () => fn({ ...(CALLS[name]?.[0] as object), baseUrl: BASE_URL });
  return () => fn(lava, ...(CALLS[name] ?? []));
}
