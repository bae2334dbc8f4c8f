// Type tests of lava-sdk: the Lava class's methods resolve the documented types and reject as LavaError.
import type { Customer, CustomerSubscription } from '@lava-sdk/customers';
import type { ProviderUrls } from '@lava-sdk/providers';
import type { Plan } from '@lava-sdk/subscriptions';
import {
  type CallOptions,
  err,
  errAsync,
  Lava,
  type LavaError,
  type ListResponse,
  listCustomers,
  ok,
  okAsync,
  type RestCustomer,
  Result,
  type ResultAsync,
  safeTry,
} from 'lava-sdk';
import { describe, expectTypeOf, test } from 'vitest';

declare const lava: Lava;
declare const error: LavaError;
declare const maybe: string | undefined;

describe('lava-sdk', () => {
  test('resource methods: the standalone function arguments after the client, a Promise of the model', () => {
    expectTypeOf(lava.customers.retrieve).toEqualTypeOf<
      (customerId: string, options?: CallOptions) => Promise<Customer>
    >();
    expectTypeOf(lava.customers.getSubscription).returns.toEqualTypeOf<Promise<CustomerSubscription>>();
    expectTypeOf(lava.customers.list).returns.toEqualTypeOf<Promise<ListResponse<Customer>>>();
    expectTypeOf(lava.subscriptions.retrievePlan).returns.toEqualTypeOf<Promise<Plan>>();
    expectTypeOf<RestCustomer>().toEqualTypeOf<Customer>();
    expectTypeOf(lava.providers).toEqualTypeOf<ProviderUrls>();
    expectTypeOf(lava.request<{ ok: true }>('GET', 'customers')).toEqualTypeOf<Promise<{ ok: true }>>();
  });

  test('typos and missing arguments do not compile', async () => {
    const customer = await lava.customers.retrieve('con_1');
    // @ts-expect-error: no such field
    customer.custmer_id;
    // @ts-expect-error: no such method
    lava.customers.fetch('con_1');
    // @ts-expect-error: the id is required
    lava.meters.retrieve();
    // @ts-expect-error: no such resource
    lava.customer.retrieve('con_1');
    new Lava(undefined, { baseUrl: undefined, timeoutMs: 1000 });
  });
  test("neverthrow's constructors compose with SDK results", () => {
    const either: Result<number, LavaError> = maybe ? ok(1) : err(error);
    expectTypeOf(either.map(String)).toEqualTypeOf<Result<string, LavaError>>();
    const length = Result.fromThrowable(
      (s: string) => s.length,
      () => error,
    );
    expectTypeOf(length('x')).toEqualTypeOf<Result<number, LavaError>>();
    expectTypeOf(okAsync(1).andThen(() => errAsync(error))).toEqualTypeOf<ResultAsync<never, LavaError>>();
    const composed = safeTry(async function* () {
      const page = yield* listCustomers(lava.client);
      return ok(page.data.length);
    });
    expectTypeOf(composed).toEqualTypeOf<ResultAsync<number, LavaError>>();
  });
});
