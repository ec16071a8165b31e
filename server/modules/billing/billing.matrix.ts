import { admins, as, byRole, gql, readers, type MatrixCase } from '../../test/role-matrix.js';
import { withBilling } from './billing.test-helpers.js';

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'billing', run: gql(`{ billing { enabled planId seatsUsed } }`), expect: admins() },
  {
    kind: 'query',
    field: 'billingNotice',
    run: async (app, f, actor) => {
      await withBilling(app);
      await app.prisma.billingAccount.upsert({
        where: { workspaceId: f.workspaceId },
        create: { workspaceId: f.workspaceId, status: 'UNPAID', planId: 'team' },
        update: {},
      });
      return as(f, actor).gql(`{ billingNotice { kind } }`);
    },
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'startBillingCheckout',
    run: async (app, f, actor) => {
      await withBilling(app);
      return as(f, actor).gql(`mutation { startBillingCheckout(planId: "team") }`);
    },
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'completeBillingCheckout',
    run: async (app, f, actor) => {
      const stripe = await withBilling(app);
      const session = await stripe.client().checkout.sessions.create({
        mode: 'subscription',
        client_reference_id: f.workspaceId,
        success_url: 'http://localhost/',
        line_items: [{ price: 'price_team_base', quantity: 1 }],
      });
      return as(f, actor).gql(`mutation($s: String!) { completeBillingCheckout(sessionId: $s) { planId } }`, { s: session.id });
    },
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'openBillingPortal',
    run: async (app, f, actor) => {
      const stripe = await withBilling(app);
      const customer = await stripe.client().customers.create({ name: 'Acme' });
      await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, stripeCustomerId: customer.id } });
      return as(f, actor).gql(`mutation { openBillingPortal }`);
    },
    expect: admins(),
  },
];
