import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { billingDisabled } from '../../errors.js';
import { BillingStatus } from '../../generated/prisma/enums.js';
import type { BillingInvoice } from '../../generated/prisma/client.js';
import { shortText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import type { Plan } from './billing.config.js';
import { completeCheckout, openPortal, startCheckout } from './checkout.js';
import { billingOverview, type BillingOverview, type UsageMeter } from './overview.js';
import { billingNotice, type BillingNotice } from './notice.js';
import type { Context } from '../../context.js';

const BillingStatusEnum = builder.enumType(BillingStatus, {
  name: 'BillingStatus',
  description:
    'The subscription state: NONE (no subscription), TRIALING, ACTIVE, PAST_DUE, UNPAID, CANCELED, INCOMPLETE (a first payment that did not complete).',
});

/** The plans a server offers are no secret to anyone signed in. */
const signedIn = { authScopes: { authenticated: true } } as const;
const billingReaders = (row: { workspaceId: string }) => ({ can: { workspaceId: row.workspaceId, permission: 'billing:manage' as const } });

const PlanLimitsType = builder.objectRef<Plan['limits']>('PlanLimits').implement({
  ...signedIn,
  description: "A plan's limits; null means unlimited.",
  fields: (t) => ({
    seats: t.exposeInt('seats', { nullable: true }),
    contacts: t.exposeInt('contacts', { nullable: true }),
    storageBytes: t.exposeFloat('storageBytes', { nullable: true }),
    aiTokensPerMonth: t.exposeFloat('aiTokensPerMonth', { nullable: true }),
    apiCallsPerDay: t.exposeInt('apiCallsPerDay', { nullable: true }),
  }),
});

const BillingPlanType = builder.objectRef<Plan>('BillingPlan').implement({
  ...signedIn,
  fields: (t) => ({
    id: t.exposeString('id'),
    name: t.exposeString('name'),
    free: t.exposeBoolean('free'),
    limits: t.field({ type: PlanLimitsType, resolve: (plan) => plan.limits }),
  }),
});

const UsageMeterType = builder.objectRef<UsageMeter>('UsageMeter').implement({
  authScopes: billingReaders,
  fields: (t) => ({
    limit: t.exposeString('limit', { description: 'seats, contacts, storageBytes, aiTokensPerMonth or apiCallsPerDay.' }),
    used: t.exposeFloat('used'),
    allowed: t.exposeFloat('allowed', { nullable: true, description: 'null: no limit.' }),
  }),
});

const BillingInvoiceType = builder.objectRef<BillingInvoice>('BillingInvoice').implement({
  authScopes: billingReaders,
  fields: (t) => ({
    stripeId: t.exposeString('id'),
    number: t.exposeString('number', { nullable: true }),
    status: t.exposeString('status'),
    currency: t.exposeString('currency'),
    amountDue: t.exposeInt('amountDue', { description: "In the currency's smallest unit (cents)." }),
    amountPaid: t.exposeInt('amountPaid'),
    hostedInvoiceUrl: t.exposeString('hostedInvoiceUrl', { nullable: true }),
    invoicePdf: t.exposeString('invoicePdf', { nullable: true }),
    periodStart: t.expose('periodStart', { type: 'DateTime', nullable: true }),
    periodEnd: t.expose('periodEnd', { type: 'DateTime', nullable: true }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
  }),
});

const BillingType = builder.objectRef<BillingOverview>('Billing').implement({
  description: 'A workspace\'s plan, subscription, usage and invoices. With billing off (self-hosting) the plan is "self-hosted", without limits.',
  authScopes: billingReaders,
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether this server bills through Stripe.' }),
    planId: t.exposeString('planId', { description: '"self-hosted" when billing is off.' }),
    planName: t.exposeString('planName'),
    status: t.field({ type: BillingStatusEnum, nullable: true, resolve: (b) => b.status }),
    readOnly: t.exposeBoolean('readOnly', { description: 'Unpaid (or past due beyond the grace): only reading, exporting and deleting work.' }),
    graceEndsAt: t.expose('graceEndsAt', { type: 'DateTime', nullable: true }),
    trialEndsAt: t.expose('trialEndsAt', { type: 'DateTime', nullable: true }),
    trialDaysLeft: t.int({
      nullable: true,
      resolve: (b) => (b.trialEndsAt ? Math.max(0, Math.ceil((b.trialEndsAt.getTime() - Date.now()) / (24 * 60 * 60 * 1000))) : null),
    }),
    trialDaysWithCard: t.int({
      description: 'The trial, in days, that subscribing with a card starts now; 0: none (one trial per workspace).',
      resolve: (b) => b.trialOffer.daysWithCard,
    }),
    trialDaysWithoutCard: t.int({
      description: 'The trial, in days, that subscribing without a card starts now; 0: a card is needed.',
      resolve: (b) => b.trialOffer.daysWithoutCard,
    }),
    currentPeriodEnd: t.expose('currentPeriodEnd', { type: 'DateTime', nullable: true }),
    seatsUsed: t.exposeInt('seatsUsed'),
    seatsPaid: t.exposeInt('seatsPaid', { nullable: true }),
    canManageInPortal: t.exposeBoolean('hasCustomer', { description: 'Whether a Stripe customer exists, so the customer portal can open.' }),
    usage: t.field({ type: [UsageMeterType], resolve: (b) => b.usage }),
    invoices: t.field({ type: [BillingInvoiceType], description: 'The 24 most recent invoices.', resolve: (b) => b.invoices }),
    plans: t.field({ type: [BillingPlanType], description: 'The plans this server offers.', resolve: (b) => b.plans }),
  }),
});

function billingOn(ctx: Context) {
  if (!ctx.app.billing) throw billingDisabled();
  return ctx.app.billing;
}

builder.queryField('billing', (t) =>
  t.field({
    type: BillingType,
    description: "The workspace's plan, usage and invoices (owners and admins).",
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('billing:manage'),
    resolve: (_root, args, ctx) => billingOverview(ctx, requireWorkspaceId(ctx, args.workspaceId)),
  }),
);

const BillingNoticeType = builder.objectRef<BillingNotice>('BillingNotice').implement({
  authScopes: (row) => ({ can: { workspaceId: row.workspaceId, permission: 'workspace:read' as const } }),
  description: 'What every member is told about billing: READ_ONLY, PAST_DUE (in its grace period), LIMIT_REACHED or LIMIT_NEAR (80% or more).',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    graceDaysLeft: t.exposeInt('graceDaysLeft', { nullable: true, description: 'PAST_DUE: whole days before the workspace becomes read-only.' }),
    limit: t.exposeString('limit', {
      nullable: true,
      description: 'LIMIT_*: the fullest limit (seats, contacts, storageBytes, aiTokensPerMonth, apiCallsPerDay).',
    }),
    percentUsed: t.exposeInt('percentUsed', { nullable: true }),
  }),
});

builder.queryField('billingNotice', (t) =>
  t.field({
    type: BillingNoticeType,
    nullable: true,
    description: 'The billing warning the app shows on every screen, for every member; null with billing off or nothing to say.',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('workspace:read'),
    resolve: (_root, args, ctx) => billingNotice(ctx, requireWorkspaceId(ctx, args.workspaceId)),
  }),
);

builder.mutationFields((t) => ({
  startBillingCheckout: t.string({
    description: 'Owners start a subscription: returns the URL of a Stripe Checkout page to send the browser to.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      planId: t.arg.string({ validate: shortText('Plan', 40) }),
      withCard: t.arg.boolean({ required: false, defaultValue: true, description: 'false starts the trial without a card, where the server allows it.' }),
    },
    authScopes: inWorkspace('billing:checkout'),
    resolve: (_root, args, ctx) => startCheckout(ctx, billingOn(ctx), requireWorkspaceId(ctx, args.workspaceId), args.planId, args.withCard ?? true),
  }),
  completeBillingCheckout: t.field({
    type: BillingType,
    description: 'After the return from Checkout: reads the subscription from Stripe at once (the webhook would bring the same a little later).',
    args: { workspaceId: t.arg.id({ required: false }), sessionId: t.arg.string({ validate: shortText('Checkout session', 200) }) },
    authScopes: inWorkspace('billing:checkout'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      await completeCheckout(ctx, billingOn(ctx), workspaceId, args.sessionId);
      return billingOverview(ctx, workspaceId);
    },
  }),
  openBillingPortal: t.string({
    description: "Returns the URL of Stripe's customer portal for the workspace (plan changes, payment methods, invoices, cancellation).",
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('billing:manage'),
    resolve: (_root, args, ctx) => openPortal(ctx, billingOn(ctx), requireWorkspaceId(ctx, args.workspaceId)),
  }),
}));
