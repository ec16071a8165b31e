// Issue 19's billing page end to end, billing on against the loopback Stripe: an owner sees the free plan
// and its meters, upgrades through (fake) Stripe Checkout, comes back to a trialing subscription with its
// seats and invoices, and opens the customer portal; a member is not offered the page.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { billingConfigFor } from '../../server/modules/billing/billing.test-helpers.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startFakeStripe, type FakeStripe } from '../../server/test/stripe-server.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await startFakeStripe();
  h = await startHarness({ config: { billing: billingConfigFor(stripe) } });
  f = await rolesFixture(h.app);
}, 120_000);

afterAll(async () => {
  await h?.close();
  await stripe?.close();
});

describe('Kith web app: billing', () => {
  it('shows the plan and usage, upgrades through Checkout, and opens the customer portal', async () => {
    onTestFailed(() => h.screenshotAll('billing-failure'));
    await h.app.prisma.contact.createMany({ data: ['Ada', 'Grace', 'Edsger'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    const { page, consoleErrors } = await h.signedInPage(f.clients.OWNER.cookie!, f.workspaceGid);
    // Every screen says a limit is reached, and leads an owner to the billing page.
    await page.goto('/contacts');
    const banner = page.getByRole('region', { name: 'Billing' });
    await banner.getByText("This workspace has used all its plan's contacts: creating more is refused.").waitFor();
    await h.screenshot(page, '69-billing-banner-limit');
    await banner.getByRole('link', { name: 'Settings › Billing' }).click();
    const facts = page.getByRole('definition');
    await page.getByRole('heading', { name: 'Billing', level: 2 }).waitFor();
    await facts.filter({ hasText: 'Free' }).waitFor();
    await page.getByText('Seats: 4 of 5').waitFor();
    await page.getByText('Contacts: 3 of 3').waitFor();
    await page.getByText('Limit reached: creating more is refused.').waitFor();
    await h.screenshot(page, '70-settings-billing-free');

    await page.getByRole('button', { name: 'Upgrade to Team' }).click();
    await page.waitForURL(/\/checkout\/cs_test_/);
    await page.getByRole('heading', { name: 'Checkout (test)' }).waitFor();
    const [session] = [...stripe.checkoutSessions.values()];
    expect(session).toMatchObject({ client_reference_id: f.workspaceId, subscription_data: { trial_period_days: '30', metadata: { planId: 'team' } } });
    expect(session!.line_items).toEqual([{ price: 'price_team_base', quantity: '1' }, { price: 'price_team_seat', quantity: '4' }, { price: 'price_team_ai' }]);
    // The customer pays on Stripe's page, and Stripe sends the browser back to the success URL.
    stripe.completeCheckout(session!.id);
    const back = new URL(session!.success_url);
    expect(back.pathname).toBe('/settings/billing');
    await h.app.prisma.billingInvoice.create({
      data: {
        id: 'in_e2e_1',
        workspaceId: f.workspaceId,
        workspaceName: 'Acme',
        stripeCustomerId: session!.customer,
        number: 'KITH-0001',
        status: 'paid',
        currency: 'eur',
        amountDue: 4900,
        amountPaid: 4900,
        hostedInvoiceUrl: 'https://invoice.stripe.test/1',
        issuedAt: new Date(),
      },
    });
    await page.goto(`${h.url}${back.pathname}${back.search}`);
    await page.getByRole('status').filter({ hasText: 'Subscribed: Trialing.' }).waitFor();
    await facts.filter({ hasText: 'Team' }).waitFor();
    await page.getByText(/30 days left/).waitFor();
    await page.getByText('4 used of 4 paid').waitFor();
    await page.getByText('Contacts: 3 of 100').waitFor();
    await page
      .getByRole('row', { name: /KITH-0001/ })
      .getByText('€49.00')
      .waitFor();
    expect(await page.getByRole('link', { name: 'View invoice KITH-0001' }).getAttribute('href')).toBe('https://invoice.stripe.test/1');
    expect(page.url()).not.toContain('session_id');
    await h.screenshot(page, '71-settings-billing-trialing');

    await page.getByRole('button', { name: 'Manage subscription' }).click();
    await page.waitForURL(/\/portal\//);
    expect(stripe.requestsTo('POST', /^\/v1\/billing_portal\/sessions$/)[0]!.body).toMatchObject({ customer: session!.customer });
    expect(consoleErrors).toEqual([]);

    const member = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await member.page.goto('/settings');
    await member.page.getByRole('navigation', { name: 'Settings' }).waitFor();
    expect(await member.page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).count()).toBe(0);
    await member.page.goto('/settings/billing');
    await member.page.getByText('Only workspace admins can see billing.').waitFor();
    expect(member.consoleErrors).toEqual([]);

    // Past due: a member is told the days of grace left, with no way into billing they cannot use.
    await h.app.prisma.billingAccount.update({
      where: { workspaceId: f.workspaceId },
      data: { status: 'PAST_DUE', pastDueSince: new Date(Date.now() - 4.5 * 864e5) },
    });
    const late = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await late.page.goto('/contacts');
    const lateBanner = late.page.getByRole('region', { name: 'Billing' });
    await lateBanner.getByText('The payment for this workspace is overdue. It becomes read-only in 3 days.').waitFor();
    expect(await lateBanner.getByRole('link').count()).toBe(0);
    await h.app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { status: 'UNPAID' } });
    const owner = await h.signedInPage(f.clients.OWNER.cookie!, f.workspaceGid);
    await owner.page.goto('/deals');
    await owner.page
      .getByRole('region', { name: 'Billing' })
      .getByText(/read-only until its subscription is paid/)
      .waitFor();
    await owner.page.getByRole('region', { name: 'Billing' }).getByRole('link', { name: 'Settings › Billing' }).waitFor();
    await h.screenshot(owner.page, '72-billing-banner-read-only');
    expect([...late.consoleErrors, ...owner.consoleErrors]).toEqual([]);
  }, 120_000);

  it('updates the banner as soon as a change reaches a limit, and starts a trial without a card', async () => {
    // A second workspace of the same four people, never subscribed.
    const beta = await h.app.prisma.workspace.create({ data: { name: 'Beta' } });
    const members = (['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const).map((role) => ({ workspaceId: beta.id, userId: f.users[role].id, role }));
    await h.app.prisma.membership.createMany({ data: members });
    await h.app.prisma.contact.createMany({ data: ['Ada', 'Grace'].map((firstName) => ({ workspaceId: beta.id, firstName })) });
    const { page, consoleErrors } = await h.signedInPage(f.clients.OWNER.cookie!, encodeGlobalID('Workspace', beta.id));
    await page.goto('/contacts');
    const banner = page.getByRole('region', { name: 'Billing' });
    // Four members of five seats; two contacts of three.
    await banner.getByText("This workspace has used 80% of its plan's seats.").waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Edsger');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Edsger', level: 1 }).waitFor();
    await banner.getByText("This workspace has used all its plan's contacts: creating more is refused.").waitFor();

    await page.goto('/settings/billing');
    await page.getByText('Upgrading starts with a 30-day free trial; the card is charged when it ends.').waitFor();
    await page.getByRole('button', { name: 'Try Team for 7 days without a card' }).click();
    await page.waitForURL(/\/checkout\/cs_test_/);
    const session = [...stripe.checkoutSessions.values()].find((s) => s.client_reference_id === beta.id);
    expect(session).toMatchObject({
      payment_method_collection: 'if_required',
      subscription_data: { trial_period_days: '7', trial_settings: { end_behavior: { missing_payment_method: 'cancel' } } },
    });
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
