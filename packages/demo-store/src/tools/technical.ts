/**
 * Tools of the technical agent: `get_service_status` and `run_checkout_diagnostic`. Both are
 * deterministic: the status is the configured report (all operational by default) and the
 * diagnostic only inspects that report and the verified customer's profile.
 */
import { defineTool, type AnyToolDefinition, type CommerceStore, type User } from '@switchboard/core';
import { z } from 'zod';
import { READ_TIMEOUT_MS, WRITE_SCOPES, WRITE_TOOL_NAMES } from './scopes.js';

/** The services customers touch, in the order reports list them. */
export const SERVICE_COMPONENTS = ['website', 'mobile_app', 'account_sign_in', 'checkout', 'payments', 'order_tracking', 'email'] as const;
export type ServiceComponent = (typeof SERVICE_COMPONENTS)[number];

const ServiceStateSchema = z.enum(['operational', 'degraded', 'outage']);
export type ServiceState = z.infer<typeof ServiceStateSchema>;

/** Output of `get_service_status`: `overall` is the worst component state; one entry per component, in {@link SERVICE_COMPONENTS} order. */
export const ServiceStatusSchema = z.object({
  overall: ServiceStateSchema,
  components: z.array(z.object({ name: z.enum(SERVICE_COMPONENTS), status: ServiceStateSchema, note: z.string().optional() })),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

/** Component states to report; components left out are `operational`. */
export type ServiceStatusConfig = Partial<Record<ServiceComponent, { status: ServiceState; note?: string }>>;

const CheckSchema = z.object({
  check: z.enum(['checkout_service', 'payment_service', 'identity', 'payment_method_on_file', 'default_address']),
  status: z.enum(['pass', 'warn', 'fail', 'skipped']),
  detail: z.string(),
});
type Check = z.infer<typeof CheckSchema>;

/** Output of `run_checkout_diagnostic`: `result` is the worst check (`skipped` counts as pass); `next_steps` say what to do, in order. */
export const CheckoutDiagnosticSchema = z.object({ result: z.enum(['pass', 'warn', 'fail']), checks: z.array(CheckSchema), next_steps: z.array(z.string()) });
export type CheckoutDiagnostic = z.infer<typeof CheckoutDiagnosticSchema>;

const SEVERITY: Record<ServiceState, number> = { operational: 0, degraded: 1, outage: 2 };

/** The report for `config`: every component, worst state overall. */
export function buildServiceStatus(config: ServiceStatusConfig): ServiceStatus {
  const components = SERVICE_COMPONENTS.map((name) => ({ name, status: config[name]?.status ?? ('operational' as const), ...(config[name]?.note === undefined ? {} : { note: config[name].note }) }));
  const overall = components.reduce<ServiceState>((worst, component) => (SEVERITY[component.status] > SEVERITY[worst] ? component.status : worst), 'operational');
  return { overall, components };
}

const serviceCheck = (check: 'checkout_service' | 'payment_service', state: ServiceState): Check => ({
  check,
  status: state === 'operational' ? 'pass' : state === 'degraded' ? 'warn' : 'fail',
  detail: `${check === 'checkout_service' ? 'Checkout' : 'Payments'} ${state === 'operational' ? 'operational' : state === 'degraded' ? 'degraded' : 'down'}`,
});

/** Account checks: a payment method that can pay (a card, PayPal or a gift card with balance), and a complete default address (US zip: 5 digits). */
function accountChecks(user: User): Check[] {
  const methods = Object.values(user.payment_methods);
  const canPay = methods.some((method) => method.source !== 'gift_card' || (method.balance ?? 0) > 0);
  const { address } = user;
  const complete = [address.address1, address.city, address.state, address.country, address.zip].every((part) => part.trim() !== '') && (address.country !== 'USA' || /^\d{5}$/.test(address.zip));
  return [
    { check: 'payment_method_on_file', status: canPay ? 'pass' : 'fail', detail: canPay ? `${methods.length} payment method(s) on file` : 'No payment method that can pay (none on file, or only empty gift cards)' },
    { check: 'default_address', status: complete ? 'pass' : 'warn', detail: complete ? 'Default address complete' : 'Default address incomplete' },
  ];
}

const NEXT_STEP: Record<Check['check'], string> = {
  checkout_service: 'Checkout has a problem on our side: wait a few minutes and retry; no need to change anything in the account.',
  payment_service: 'Payments have a problem on our side: wait a few minutes and retry, or pay with another method.',
  identity: 'Verify the customer (email, or name and zip) to check their account too.',
  payment_method_on_file: 'Add a card or PayPal, or use a gift card with balance.',
  default_address: 'Complete the default address (street, city, state, country, 5-digit zip).',
};
const CLIENT_SIDE_STEP = 'Nothing wrong on our side or in the account: refresh the page, clear the browser cache or update the app, then retry; if it still fails, note the exact error message.';

/** The diagnostic over a status report and, when verified, the customer's record. */
export function buildCheckoutDiagnostic(status: ServiceStatus, user: User | undefined): CheckoutDiagnostic {
  const stateOf = (name: ServiceComponent): ServiceState => status.components.find((component) => component.name === name)?.status ?? 'operational';
  const checks: Check[] = [serviceCheck('checkout_service', stateOf('checkout')), serviceCheck('payment_service', stateOf('payments'))];
  if (user) checks.push(...accountChecks(user));
  else checks.push({ check: 'identity', status: 'skipped', detail: 'Customer not verified: account checks skipped' });
  const result = checks.some((check) => check.status === 'fail') ? 'fail' : checks.some((check) => check.status === 'warn') ? 'warn' : 'pass';
  const steps = checks.filter((check) => check.status !== 'pass').map((check) => NEXT_STEP[check.check]);
  return { result, checks, next_steps: result === 'pass' ? [...steps, CLIENT_SIDE_STEP] : steps };
}

/** Options of {@link createTechnicalTools}. */
export interface TechnicalToolsOptions {
  commerce: CommerceStore;
  /** @defaultValue every component operational */
  serviceStatus?: ServiceStatusConfig;
}

/** The two technical tools. */
export function createTechnicalTools(options: TechnicalToolsOptions): AnyToolDefinition[] {
  const status = buildServiceStatus(options.serviceStatus ?? {});

  const getServiceStatus = defineTool({
    name: WRITE_TOOL_NAMES.getServiceStatus,
    description: "Get the current status of the store's services (website, mobile app, sign-in, checkout, payments, order tracking, email): operational, degraded or outage, with the worst overall.",
    kind: 'read',
    scopes: [WRITE_SCOPES.systemRead],
    input: z.object({}),
    output: ServiceStatusSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    execute: () => Promise.resolve(structuredClone(status)),
  });

  const runCheckoutDiagnostic = defineTool({
    name: WRITE_TOOL_NAMES.runCheckoutDiagnostic,
    description:
      "Diagnose why checkout fails: checks the checkout and payment services and, when the customer is verified, that they have a payment method that can pay and a complete default address. Returns pass / warn / fail per check and the next steps.",
    kind: 'read',
    scopes: [WRITE_SCOPES.diagnosticsRun],
    input: z.object({}),
    output: CheckoutDiagnosticSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute(_input, context) {
      const user = context.customerId === undefined ? undefined : await options.commerce.getUser(context.customerId);
      return buildCheckoutDiagnostic(status, user);
    },
  });

  return [getServiceStatus, runCheckoutDiagnostic];
}
