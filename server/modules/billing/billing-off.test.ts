// A self-hoster's server: no Stripe secrets, so no plans, no limits, no billing calls and no billing route.
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { useKithServer } from './billing.test-helpers.js';

const getApp = useTestApp();
const post = useKithServer(getApp);

describe('billing off', () => {
  it('reports the plan as self-hosted, with no limits and no billing actions', async () => {
    const app = getApp();
    expect(app.services.billing).toBeNull();
    const f = await rolesFixture(app);
    const owner = f.clients.OWNER;
    owner.workspaceId = f.workspaceGid;
    const { billing } = await owner.ok(`{ billing { enabled planId planName status readOnly usage { limit } invoices { stripeId } plans { id } seatsUsed } }`);
    expect(billing).toEqual({
      enabled: false,
      planId: 'self-hosted',
      planName: 'Self-hosted',
      status: null,
      readOnly: false,
      usage: [],
      invoices: [],
      plans: [],
      seatsUsed: 4,
    });
    expect(errorCodes(await owner.gql(`mutation { startBillingCheckout(planId: "team") }`))).toEqual(['BILLING_DISABLED']);
    expect(errorCodes(await owner.gql(`mutation { openBillingPortal }`))).toEqual(['BILLING_DISABLED']);
    // No banner: nothing to say to a self-hoster's members.
    expect((await f.clients.VIEWER.ok(`{ billingNotice(workspaceId: "${f.workspaceGid}") { kind } }`)).billingNotice).toBeNull();
    expect(await app.prisma.billingAccount.count()).toBe(0);
  });

  it('creates as many contacts as asked, with no billing query on the way', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const member = f.clients.MEMBER;
    member.workspaceId = f.workspaceGid;
    const { statements } = await app.countSql(async () => {
      for (let i = 0; i < 6; i++) await member.ok(`mutation { createContact(input: { firstName: "C${i}" }) { id } }`);
    });
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(6);
    expect(statements.filter((sql) => /Billing|pg_advisory/.test(sql))).toEqual([]);
  });

  it('has no /webhooks/stripe route', async () => {
    const answer = await post('/webhooks/stripe', '{}', { 'stripe-signature': 't=1,v1=00' });
    expect(answer.status).toBe(404);
  });
});
