import type { CallOptions, LavaClient, LavaError, ListResponse, SubscriptionBase } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreateCustomerParams,
  type Customer,
  type CustomerContact,
  type CustomerList,
  type CustomerSubscription,
  type CustomerSubscriptionSummary,
  createCustomer,
  deleteCustomer,
  getCustomerSubscription,
  type ListCustomersParams,
  listCustomers,
  retrieveCustomer,
  type UpdateCustomerParams,
  updateCustomer,
} from '@lava-sdk/customers';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;
declare const customer: Customer;

describe('customers: params and results', () => {
  test('createCustomer', () => {
    expectTypeOf(createCustomer).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateCustomerParams,
        options?: CallOptions,
      ) => ResultAsync<Customer, LavaError>
    >();
    expectTypeOf<CreateCustomerParams>().toExtend<{
      reference_id?: string | undefined;
      name?: string | undefined;
      email?: string | undefined;
      phone?: string | undefined;
      metadata?: Record<string, unknown> | undefined;
    }>();
    createCustomer(lava, {});
    createCustomer(lava, { email: undefined, metadata: { seats: 3 } });
  });

  test('listCustomers, retrieveCustomer, updateCustomer, deleteCustomer, getCustomerSubscription', () => {
    expectTypeOf(listCustomers).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListCustomersParams,
        options?: CallOptions,
      ) => ResultAsync<CustomerList, LavaError>
    >();
    expectTypeOf<CustomerList>().toEqualTypeOf<ListResponse<Customer>>();
    expectTypeOf(retrieveCustomer).toEqualTypeOf<
      (lava: LavaClient, customerId: string, options?: CallOptions) => ResultAsync<Customer, LavaError>
    >();
    expectTypeOf(updateCustomer).toEqualTypeOf<
      (
        lava: LavaClient,
        customerId: string,
        params: UpdateCustomerParams,
        options?: CallOptions,
      ) => ResultAsync<Customer, LavaError>
    >();
    expectTypeOf<UpdateCustomerParams['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf(deleteCustomer).returns.toEqualTypeOf<ResultAsync<{ success: boolean }, LavaError>>();
    expectTypeOf(getCustomerSubscription).returns.toEqualTypeOf<
      ResultAsync<CustomerSubscription, LavaError>
    >();
    expectTypeOf<CustomerSubscription['subscription']>().toEqualTypeOf<SubscriptionBase | null>();
  });

  test('the Customer type lists exactly the documented fields', () => {
    expectTypeOf<keyof Customer>().toEqualTypeOf<
      'customer_id' | 'reference_id' | 'contact' | 'subscription' | 'metadata' | 'created_at'
    >();
    expectTypeOf(customer.reference_id).toEqualTypeOf<string | null>();
    expectTypeOf(customer.contact).toEqualTypeOf<CustomerContact>();
    expectTypeOf(customer.contact.email).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(customer.subscription).toEqualTypeOf<CustomerSubscriptionSummary | null>();
    expectTypeOf<CustomerSubscriptionSummary['status']>().toEqualTypeOf<
      'active' | 'cancelled' | (string & {})
    >();
    expectTypeOf<Shape<InferOutput<typeof Customer>>>().toEqualTypeOf<Shape<Customer>>();
    expectTypeOf<Shape<InferOutput<typeof CustomerSubscription>>>().toEqualTypeOf<
      Shape<CustomerSubscription>
    >();
  });

  test('typos, missing ids and wrong params do not compile', () => {
    // @ts-expect-error: no such field
    customer.custmer_id;
    // @ts-expect-error: no such field
    customer.contact.emial;
    // @ts-expect-error: the id is required
    retrieveCustomer(lava);
    // @ts-expect-error: params are required
    updateCustomer(lava, 'con_1');
    // @ts-expect-error: email is a string
    createCustomer(lava, { email: 42 });
    // @ts-expect-error: limit is a number
    listCustomers(lava, { limit: '10' });
    // A status Lava adds later is a string, so comparing with one is allowed.
    expectTypeOf(customer.subscription?.status === 'paused').toEqualTypeOf<boolean>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateCustomerParams>>().toEqualTypeOf<CreateCustomerParams>();
    expectTypeOf<ParamsOf<typeof UpdateCustomerParams>>().toEqualTypeOf<UpdateCustomerParams>();
    expectTypeOf<ParamsOf<typeof ListCustomersParams>>().toEqualTypeOf<ListCustomersParams | undefined>();
  });
});
