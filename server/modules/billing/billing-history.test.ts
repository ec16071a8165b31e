// Billing history outlives a deleted workspace while the purge removes everything else; usage alerts go to
// owners at 80% and 100% of a limit, once per period.
import { describe, expect, it } from 'vitest';
import { RETENTION_SWEEP, retentionSweepHandlers } from '../../jobs/retention-sweep.js';
import { rolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import { purgeWorkspace, workspaceModels } from '../privacy/workspace-purge.js';
import { useBillingApp } from './billing.test-helpers.js';
import { recordBillableUsage } from './metering.js';
import { checkUsageAlerts } from './usage-alerts.js';

const { getApp } = useBillingApp();

type CountDelegate = { count: (args: { where: { workspaceId: string } }) => Promise<number> };
const countIn = (app: TestApp, model: string, workspaceId: string) =>
  (app.prisma as unknown as Record<string, CountDelegate>)[model[0]!.toLowerCase() + model.slice(1)]!.count({ where: { workspaceId } });

describe('billing history', () => {
  it('is kept, exactly, when a deleted workspace is purged; every other row of the workspace goes', async () => {
    const app = getApp();
    const workspace = await app.prisma.workspace.create({ data: { name: 'Gone Ltd' } });
    const other = await app.prisma.workspace.create({ data: { name: 'Stays' } });
    const workspaceId = workspace.id;
    await app.prisma.contact.create({ data: { workspaceId, firstName: 'Someone' } });
    await app.prisma.billingAccount.create({
      data: { workspaceId, stripeCustomerId: 'cus_gone', stripeSubscriptionId: 'sub_gone', status: 'CANCELED', planId: 'team' },
    });
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 10, 'gone-1');
    await app.prisma.usageAlert.create({ data: { workspaceId, limitKind: 'contacts', threshold: 80, periodStart: new Date() } });
    const invoice = (id: string, ws: string, amount: number) => ({
      id,
      workspaceId: ws,
      workspaceName: 'Gone Ltd',
      stripeCustomerId: 'cus_gone',
      number: id.toUpperCase(),
      status: 'paid',
      currency: 'eur',
      amountDue: amount,
      amountPaid: amount,
      issuedAt: new Date('2026-10-01T00:00:00Z'),
      paidAt: new Date('2026-10-02T00:00:00Z'),
      periodStart: new Date('2026-09-01T00:00:00Z'),
      periodEnd: new Date('2026-10-01T00:00:00Z'),
      hostedInvoiceUrl: 'https://invoice.stripe.test/1',
    });
    await app.prisma.billingInvoice.createMany({
      data: [invoice('in_a', workspaceId, 4900), invoice('in_b', workspaceId, 5300), invoice('in_c', other.id, 100)],
    });
    const kept = await app.prisma.billingInvoice.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } });

    await app.prisma.workspace.update({ where: { id: workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });
    const result = await purgeWorkspace(app.services, workspaceId);
    expect(result.workspace).toBe(true);

    for (const model of workspaceModels()) expect({ model, rows: await countIn(app, model, workspaceId) }).toEqual({ model, rows: 0 });
    expect(await app.prisma.billingInvoice.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } })).toEqual(kept);
    expect(await app.prisma.billingInvoice.count({ where: { workspaceId: other.id } })).toBe(1);
  });
});

describe('billing history past the legal period', () => {
  it('is deleted by the daily sweep, for live and purged workspaces alike; younger invoices stay', async () => {
    const app = getApp();
    const live = await app.prisma.workspace.create({ data: { name: 'Live' } });
    const purgedId = '01900000-0000-7000-8000-00000000dead';
    const day = 24 * 60 * 60 * 1000;
    const issued = (days: number) => new Date(Date.now() - days * day);
    const invoice = (id: string, workspaceId: string, issuedAt: Date) => ({
      id,
      workspaceId,
      workspaceName: 'Ltd',
      stripeCustomerId: `cus_${id}`,
      status: 'paid',
      currency: 'eur',
      amountDue: 100,
      amountPaid: 100,
      issuedAt,
    });
    const legal = app.services.config.retention.billingHistoryDays;
    expect(legal).toBe(3650);
    await app.prisma.billingInvoice.createMany({
      data: [
        invoice('in_old_live', live.id, issued(legal + 1)),
        invoice('in_old_purged', purgedId, issued(legal + 30)),
        invoice('in_young_live', live.id, issued(legal - 1)),
        invoice('in_young_purged', purgedId, issued(400)),
      ],
    });
    await retentionSweepHandlers(app.services)[RETENTION_SWEEP]!({ slot: Date.now() }, {} as never);
    expect((await app.prisma.billingInvoice.findMany({ orderBy: { id: 'asc' } })).map((i) => i.id)).toEqual(['in_young_live', 'in_young_purged']);
  });
});

describe('usage alerts', () => {
  it('mail the owners at 80% and at 100% of a limit, once per period', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const alertsTo = async () =>
      (await app.prisma.outboxEmail.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { createdAt: 'asc' } })).map((m) => [m.to, m.subject]);
    // The free plan: 5 seats (4 members: 80%), 3 contacts.
    await app.prisma.contact.createMany({ data: ['A', 'B'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    expect(await checkUsageAlerts(app.services, f.workspaceId)).toEqual(['seats:80']);
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'C' } });
    expect(await checkUsageAlerts(app.services, f.workspaceId)).toEqual(['contacts:100']);
    expect(await checkUsageAlerts(app.services, f.workspaceId)).toEqual([]);
    expect(await alertsTo()).toEqual([
      [f.users.OWNER.email, "Acme is at 80% of its plan's seats on Kith"],
      [f.users.OWNER.email, "Acme has reached its plan's contacts on Kith"],
    ]);
    // A new period alerts again.
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 2));
    expect(await checkUsageAlerts(app.services, f.workspaceId, nextMonth)).toEqual(['seats:80', 'contacts:100']);
  });

  it('count AI tokens in the billing period', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.membership.deleteMany({ where: { workspaceId: f.workspaceId, role: { not: 'OWNER' } } });
    await recordBillableUsage(app.services, f.workspaceId, 'ai_tokens', 850, 'k1');
    expect(await checkUsageAlerts(app.services, f.workspaceId)).toEqual(['aiTokensPerMonth:80']);
    const [alert] = await app.prisma.outboxEmail.findMany({ where: { workspaceId: f.workspaceId } });
    expect(alert!.text).toContain('uses 850 of the 1000 AI tokens this billing period');
  });
});
