// The type names of `@lavapayments/nodejs` 11.x, as aliases of this SDK's types, so type imports keep
// working when only the module specifier changes. Names the two SDKs share (`CreateCustomerParams`,
// `ForwardTokenOptions`, `ListResponse`, …) are exported by the packages themselves.
import type { Credentials } from '@lava-sdk/auth';
import type { CheckoutSession } from '@lava-sdk/checkout-sessions';
import type { Deleted, SubscriptionBase } from '@lava-sdk/core';
import type { CreditBundle } from '@lava-sdk/credit-bundles';
import type { Customer, CustomerSubscription, ListCustomersParams } from '@lava-sdk/customers';
import type { GatewayOptions } from '@lava-sdk/gateway';
import type { Meter } from '@lava-sdk/meters';
import type { Model, ModelList } from '@lava-sdk/models';
import type { ListRequestsParams, Request, RequestList } from '@lava-sdk/requests';
import type { CreatedSecretKey, SecretKey } from '@lava-sdk/secret-keys';
import type { CreatedSpendKey, SpendKey } from '@lava-sdk/spend-keys';
import type { Plan, Subscription } from '@lava-sdk/subscriptions';
import type { RetrieveUsageParams, Usage } from '@lava-sdk/usage';
import type { CreatedWebhook, Webhook } from '@lava-sdk/webhooks';
import type { LavaConfig } from './Lava';

/** @deprecated Ignored, as in `@lavapayments/nodejs`. */
export type ApiVersion = '2025-04-28.v1';
/** The official name of {@link LavaConfig}. */
export type Config = LavaConfig;
/** The official name of `ListCustomersParams`. */
export type CustomersListParams = ListCustomersParams;
/** The official name of `Deleted`. */
export type DeletedResponse = Deleted;
/** The official name of `GatewayOptions`. */
export type GatewayRequestParams = GatewayOptions;
/** The official name of `ListRequestsParams`. */
export type RequestsListParams = ListRequestsParams;
/** The official name of `RequestList`. */
export type RequestsListResponse = RequestList;
/** The official name of `RetrieveUsageParams`. */
export type UsageParams = RetrieveUsageParams;
/** The official name of `Credentials`. */
export type RestAuthCredentials = Credentials;
/** The official name of `CheckoutSession`. */
export type RestCheckoutSession = CheckoutSession;
/** The official name of `CreditBundle`. */
export type RestCreditBundle = CreditBundle;
/** The official name of `Customer`. */
export type RestCustomer = Customer;
/** A customer's contact details. */
export type RestCustomerContact = Customer['contact'];
/** The subscription summary inside a customer. */
export type RestCustomerSubscription = NonNullable<Customer['subscription']>;
/** The official name of `CustomerSubscription`. */
export type RestCustomerSubscriptionResponse = CustomerSubscription;
/** The official name of `Meter`. */
export type RestMeter = Meter;
/** One pricing tier of a meter. */
export type RestMeterTier = Meter['tiers'][number];
/** The official name of `Model`. */
export type RestModel = Model;
/** The official name of `ModelList`. */
export type RestModelList = ModelList;
/** A pending cancellation or downgrade. */
export type RestPendingChange = NonNullable<SubscriptionBase['pending_change']>;
/** The official name of `Plan`. */
export type RestPlan = Plan;
/** A credit bundle inside a plan. */
export type RestPlanCreditBundle = Plan['credit_bundles'][number];
/** A meter linked to a plan. */
export type RestPlanLinkedMeter = Plan['linked_meters'][number];
/** The official name of `Request`. */
export type RestRequest = Request;
/** The official name of `SecretKey`. */
export type RestSecretKey = SecretKey;
/** The official name of `CreatedSecretKey`. */
export type RestSecretKeyCreate = CreatedSecretKey;
/** The official name of `SpendKey`. */
export type RestSpendKey = SpendKey;
/** The official name of `CreatedSpendKey`. */
export type RestSpendKeyCreated = CreatedSpendKey;
/** The official name of `Subscription`. */
export type RestSubscription = Subscription;
/** The official name of `SubscriptionBase`. */
export type RestSubscriptionBase = SubscriptionBase;
/** A subscription's remaining credits. */
export type RestSubscriptionCredits = SubscriptionBase['credits'];
/** The customer inside a listed subscription. */
export type RestSubscriptionCustomer = Subscription['customer'];
/** The plan summary inside a subscription. */
export type RestSubscriptionPlan = SubscriptionBase['plan'];
/** @deprecated Use `RestSubscriptionPlan`, as in the official SDK. */
export type RestSubscriptionPlanDetails = RestSubscriptionPlan;
/** The official name of `Usage`. */
export type RestUsage = Usage;
/** The official name of `Webhook`. */
export type RestWebhook = Webhook;
/** The official name of `CreatedWebhook`. */
export type RestWebhookCreate = CreatedWebhook;
