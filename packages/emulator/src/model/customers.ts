// Customers (lava-api.md §2.2): created idempotently on `reference_id`, updated, deleted.
import { badRequest } from '../http';
import { newId } from '../ids';
import { findCustomer } from '../views';
import { type Model, write } from './model';
import { emit } from './outbox';
import type { CustomerRecord } from './state';

/** A customer's fields: undefined leaves one as it is, null clears it. */
export interface CustomerFields {
  reference_id?: string | null | undefined;
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
}

/** Creates a customer, or returns the one that already has this `reference_id` (created or retrieved). */
export function createCustomer(model: Model, fields: CustomerFields): CustomerRecord {
  const inner = write(model);
  if (typeof fields.reference_id === 'string') {
    const existing = findCustomer(model, fields.reference_id);
    if (existing) return inner.state.customers.get(existing.customer_id) as CustomerRecord;
  }
  const customer: CustomerRecord = {
    customer_id: newId('con_', model.now()),
    reference_id: fields.reference_id ?? null,
    name: fields.name ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    metadata: fields.metadata ?? null,
    created_at: model.now().toISOString(),
  };
  inner.state.customers.set(customer.customer_id, customer);
  emit(model, 'customer.created', customer.customer_id);
  return customer;
}

/** Changes the given fields; a `reference_id` another customer has is refused. */
export function updateCustomer(model: Model, customerId: string, fields: CustomerFields): void {
  const customer = write(model).state.customers.get(customerId);
  if (!customer) return;
  if (typeof fields.reference_id === 'string') {
    const other = findCustomer(model, fields.reference_id);
    if (other && other.customer_id !== customerId) {
      throw badRequest(
        'Invalid params: reference_id is already used by another customer',
        'reference_id_taken',
      );
    }
  }
  for (const key of ['name', 'email', 'phone', 'reference_id', 'metadata'] as const) {
    if (fields[key] !== undefined) (customer as unknown as Record<string, unknown>)[key] = fields[key];
  }
}

/** Deletes a customer (after `customer.deleted` is emitted with it) and cancels its subscription at once. */
export function deleteCustomer(model: Model, customerId: string): void {
  const { state } = write(model);
  emit(model, 'customer.deleted', customerId);
  state.customers.delete(customerId);
  for (const sub of state.subscriptions.values()) {
    if (sub.customer_id === customerId && sub.status === 'active') {
      sub.status = 'cancelled';
      sub.cancelled_at = model.now().toISOString();
      sub.pending_change = null;
    }
  }
}
