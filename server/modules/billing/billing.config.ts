import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The limits a plan sets; null (or absent) means no limit on that kind. */
export const LIMIT_KINDS = ['seats', 'contacts', 'storageBytes', 'aiTokensPerMonth', 'apiCallsPerDay'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

const limit = z.number().int().min(0).nullable().default(null);
const priceId = z.string().regex(/^price_\w+$/, 'must be a Stripe price ID (price_...)');

const planSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a short lowercase slug'),
    name: z.string().min(1).max(80),
    /** A plan without Stripe prices: workspaces without a subscription are on it. At most one. */
    free: z.boolean().default(false),
    limits: z.object(Object.fromEntries(LIMIT_KINDS.map((kind) => [kind, limit])) as Record<LimitKind, typeof limit>).default({
      seats: null,
      contacts: null,
      storageBytes: null,
      aiTokensPerMonth: null,
      apiCallsPerDay: null,
    }),
    prices: z
      .object({
        /** A flat monthly price (quantity 1). */
        base: priceId.optional(),
        /** Per seat: its quantity follows the workspace's membership. */
        seat: priceId.optional(),
        /** Metered AI tokens (a price on the meter named by aiMeterEventName). */
        aiTokens: priceId.optional(),
      })
      .default({}),
  })
  .refine((plan) => plan.free || plan.prices.base || plan.prices.seat, { message: 'a paid plan needs a base or a seat price' });

export const billingPlansSchema = z
  .object({
    plans: z.array(planSchema).min(1),
    trial: z
      .object({
        /** Trial length when the customer gives a card at checkout (0: none). */
        daysWithCard: z.number().int().min(0).max(730).default(30),
        /** Trial length without a card (0: a card is always required). */
        daysWithoutCard: z.number().int().min(0).max(730).default(0),
      })
      .default({ daysWithCard: 30, daysWithoutCard: 0 }),
    /** How long a past_due workspace keeps working as before (then it is read-only, as if unpaid). */
    pastDueGraceDays: z.number().int().min(0).max(90).default(7),
    /** The `event_name` of the Stripe meter for AI tokens. */
    aiMeterEventName: z.string().min(1).max(100).default('kith_ai_tokens'),
  })
  .refine((config) => config.plans.filter((plan) => plan.free).length <= 1, { message: 'at most one plan can be free' })
  .refine((config) => new Set(config.plans.map((plan) => plan.id)).size === config.plans.length, { message: 'plan IDs must be unique' });

export type BillingPlans = z.infer<typeof billingPlansSchema>;
export type Plan = BillingPlans['plans'][number];

/** Where the Stripe client sends its requests: Stripe itself unless a test (or a proxy) says otherwise. */
export interface StripeEndpoint {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

export interface BillingConfig extends BillingPlans {
  secretKey: string;
  webhookSecret: string;
  /** Seconds a webhook's signed timestamp may be old (Stripe's default, 300). */
  webhookToleranceSeconds: number;
  endpoint?: StripeEndpoint;
}

export interface BillingEnv {
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  BILLING_PLANS?: string;
  BILLING_PLANS_FILE?: string;
  STRIPE_API_URL?: string;
}

function parsePlans(json: string, source: string): BillingPlans {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`Invalid environment: ${source} is not valid JSON`);
  }
  const parsed = billingPlansSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${source}: ${problems}`);
  }
  return parsed.data;
}

function endpointFrom(url: string | undefined): StripeEndpoint | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  const protocol = parsed.protocol === 'http:' ? 'http' : 'https';
  return { host: parsed.hostname, port: Number(parsed.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/**
 * Billing is on only with both Stripe secrets; then plans must be declared (BILLING_PLANS as JSON, or
 * BILLING_PLANS_FILE naming a JSON file). One of the two secrets alone is a configuration error.
 */
export function billingConfigFrom(env: BillingEnv): BillingConfig | null {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = env;
  if (!secretKey && !webhookSecret) return null;
  if (!secretKey || !webhookSecret) {
    throw new Error(
      'Invalid environment: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together; set both to turn billing on, or neither to run without billing.',
    );
  }
  const plans = env.BILLING_PLANS
    ? parsePlans(env.BILLING_PLANS, 'BILLING_PLANS')
    : env.BILLING_PLANS_FILE
      ? parsePlans(readFileSync(env.BILLING_PLANS_FILE, 'utf8'), 'BILLING_PLANS_FILE')
      : null;
  if (!plans)
    throw new Error(
      'Invalid environment: billing is on (STRIPE_SECRET_KEY is set) but no plans are declared; set BILLING_PLANS or BILLING_PLANS_FILE (see docs/billing.md).',
    );
  return { ...plans, secretKey, webhookSecret, webhookToleranceSeconds: 300, endpoint: endpointFrom(env.STRIPE_API_URL) };
}

export const freePlan = (config: BillingPlans): Plan | null => config.plans.find((plan) => plan.free) ?? null;
export const planById = (config: BillingPlans, id: string | null | undefined): Plan | null => config.plans.find((plan) => plan.id === id) ?? null;
