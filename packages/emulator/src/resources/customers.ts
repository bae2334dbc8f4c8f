// Customers (lava-api.md §2.2).
import type { Ctx, Route } from '../context';
import { emitCustomerEvent } from '../deliver';
import { badRequest, json, notFound } from '../http';
import { newId } from '../ids';
import { newestFirst, page } from '../pagination';
import type { CustomerRecord } from '../store';
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

/** The customer named by a path parameter (`con_…` or reference id), or 404. */
export function customerParam(ctx: Ctx, id = ctx.params.id ?? ''): CustomerRecord {
  const customer = findCustomer(ctx.env, id);
  if (!customer) throw notFound('Customer');
  return customer;
}

async function create(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const reference_id = optionalString(body, 'reference_id');
  const name = optionalString(body, 'name');
  const email = optionalString(body, 'email', 320);
  const phone = optionalString(body, 'phone', 16);
  const metadata = customerMetadata(body);
  checkReferenceId(reference_id);
  checkContact(email, phone);
  if (reference_id !== undefined) {
    const existing = findCustomer(ctx.env, reference_id);
    if (existing) return json(customerBody(ctx.env, existing));
  }
  const customer: CustomerRecord = {
    customer_id: newId('con_', ctx.env.now()),
    reference_id: reference_id ?? null,
    name: name ?? null,
    email: email ?? null,
    phone: phone ?? null,
    metadata: metadata ?? null,
    created_at: ctx.nowIso(),
  };
  ctx.state.customers.set(customer.customer_id, customer);
  emitCustomerEvent(ctx.env, 'customer.created', customer);
  return json(customerBody(ctx.env, customer));
}

async function update(ctx: Ctx): Promise<Response> {
  const customer = customerParam(ctx);
  const body = await ctx.body();
  const name = nullableString(body, 'name');
  const email = nullableString(body, 'email', 320);
  const phone = nullableString(body, 'phone', 16);
  const reference_id = nullableString(body, 'reference_id');
  const metadata = customerMetadata(body);
  checkReferenceId(reference_id);
  checkContact(email, phone);
  if (typeof reference_id === 'string') {
    const other = findCustomer(ctx.env, reference_id);
    if (other && other !== customer) {
      throw badRequest(
        'Invalid params: reference_id is already used by another customer',
        'reference_id_taken',
      );
    }
  }
  if (name !== undefined) customer.name = name;
  if (email !== undefined) customer.email = email;
  if (phone !== undefined) customer.phone = phone;
  if (reference_id !== undefined) customer.reference_id = reference_id;
  if (metadata !== undefined) customer.metadata = metadata;
  return json(customerBody(ctx.env, customer));
}

function remove(ctx: Ctx): Response {
  const customer = customerParam(ctx);
  emitCustomerEvent(ctx.env, 'customer.deleted', customer);
  ctx.state.customers.delete(customer.customer_id);
  for (const sub of ctx.state.subscriptions.values()) {
    if (sub.customer_id === customer.customer_id && sub.status === 'active') {
      sub.status = 'cancelled';
      sub.cancelled_at = ctx.nowIso();
      sub.pending_change = null;
    }
  }
  return json({ success: true });
}

export const customerRoutes: Route[] = [
  { method: 'POST', path: 'customers', auth: 'secret', handler: create },
  {
    method: 'GET',
    path: 'customers',
    auth: 'secret',
    handler: (ctx) =>
      json(
        page(
          newestFirst(ctx.state.customers.values()),
          (c) => c.customer_id,
          (c) => customerBody(ctx.env, c),
          ctx.query,
          10,
        ),
      ),
  },
  {
    method: 'GET',
    path: 'customers/:id',
    auth: 'secret',
    handler: (ctx) => json(customerBody(ctx.env, customerParam(ctx))),
  },
  { method: 'PATCH', path: 'customers/:id', auth: 'secret', handler: update },
  { method: 'DELETE', path: 'customers/:id', auth: 'secret', handler: remove },
  {
    method: 'GET',
    path: 'customers/:id/subscription',
    auth: 'secret',
    handler: (ctx) => {
      const sub = activeSubscription(ctx.env, customerParam(ctx).customer_id);
      return json({ subscription: sub ? subscriptionBody(ctx.env, sub) : null });
    },
  },
];
