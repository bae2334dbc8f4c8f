// Customers (lava-api.md §2.2): request parsing here, the changes in model/customers.ts.
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import { createCustomer, deleteCustomer, updateCustomer } from '../model/customers';
import type { Snapshot } from '../model/model';
import type { CustomerRecord } from '../model/state';
import { newestFirst, page } from '../pagination';
import { customerMetadata, E164, EMAIL, nullableString, optionalString } from '../validate';
import { activeSubscription, customerBody, findCustomer, subscriptionBody } from '../views';

function checkReferenceId(value: string | null | undefined): void {
  if (typeof value === 'string' && value.startsWith('con_')) {
    throw badRequest('Invalid params: reference_id must not start with "con_"', 'invalid_params');
  }
}

function checkContact(email: string | null | undefined, phone: string | null | undefined): void {
  if (typeof email === 'string' && !EMAIL.test(email)) {
    throw badRequest('Invalid params: email must be a valid email address', 'invalid_params');
  }
  if (typeof phone === 'string' && !E164.test(phone)) {
    throw badRequest(
      'Invalid params: phone must be an E.164 phone number such as +14155550100',
      'invalid_params',
    );
  }
}

/** The customer a path names (`con_…` or the merchant's reference id), or 404. */
export function customerParam(ctx: Ctx, id = ctx.params.customer_id ?? ''): Snapshot<CustomerRecord> {
  const customer = findCustomer(ctx.model, id);
  if (!customer) throw notFound('Customer');
  return customer;
}

export const customerHandlers = {
  createCustomer(ctx: Ctx) {
    const body = ctx.body();
    const fields = {
      reference_id: optionalString(body, 'reference_id'),
      name: optionalString(body, 'name'),
      email: optionalString(body, 'email', 320),
      phone: optionalString(body, 'phone', 16),
      metadata: customerMetadata(body),
    };
    checkReferenceId(fields.reference_id);
    checkContact(fields.email, fields.phone);
    return json(customerBody(ctx.model, createCustomer(ctx.model, fields)));
  },
  listCustomers: (ctx: Ctx) =>
    json(
      page(
        newestFirst(ctx.model.state.customers.values()),
        (c) => c.customer_id,
        (c) => customerBody(ctx.model, c),
        ctx.query,
        10,
      ),
    ),
  retrieveCustomer: (ctx: Ctx) => json(customerBody(ctx.model, customerParam(ctx))),
  updateCustomer(ctx: Ctx) {
    const customer = customerParam(ctx);
    const body = ctx.body();
    const fields = {
      name: nullableString(body, 'name'),
      email: nullableString(body, 'email', 320),
      phone: nullableString(body, 'phone', 16),
      reference_id: nullableString(body, 'reference_id'),
      metadata: customerMetadata(body),
    };
    checkReferenceId(fields.reference_id);
    checkContact(fields.email, fields.phone);
    updateCustomer(ctx.model, customer.customer_id, fields);
    return json(customerBody(ctx.model, customerParam(ctx, customer.customer_id)));
  },
  deleteCustomer(ctx: Ctx) {
    deleteCustomer(ctx.model, customerParam(ctx).customer_id);
    return json({ success: true });
  },
  getCustomerSubscription(ctx: Ctx) {
    const sub = activeSubscription(ctx.model, customerParam(ctx).customer_id);
    return json({ subscription: sub ? subscriptionBody(ctx.model, sub) : null });
  },
};
