// Limits with billing on: refused creates write nothing; reading, editing, exporting and deleting always work;
// past_due keeps working through its grace; unpaid is read-only except export and deletion.
import { describe, expect, it } from 'vitest';
import { apiKeyFor, globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, type GqlResult, type TestApp } from '../../test/test-app.js';
import { uploadAs } from '../files/upload-client.js';
import { useBillingApp, useKithServer } from './billing.test-helpers.js';

const { getApp } = useBillingApp();
const post = useKithServer(getApp);

const CREATE = `mutation($name: String!) { createContact(input: { firstName: $name }) { id } }`;
const UPDATE = `mutation($id: ID!) { updateContact(id: $id, input: { lastName: "Edited" }) { lastName } }`;
const DELETE = `mutation($id: ID!) { deleteContact(id: $id) { id } }`;

async function acme(): Promise<{ app: TestApp; f: RolesFixture }> {
  const app = getApp();
  const f = await rolesFixture(app);
  for (const client of Object.values(f.clients)) client.workspaceId = f.workspaceGid;
  return { app, f };
}

/** Every row a create could have written. */
async function footprint(app: TestApp, workspaceId: string) {
  const [contacts, emails, events, audit, search, invitations, files] = await Promise.all([
    app.prisma.contact.count({ where: { workspaceId } }),
    app.prisma.contactEmail.count({ where: { workspaceId } }),
    app.prisma.activityEvent.count({ where: { workspaceId } }),
    app.prisma.auditLogEntry.count({ where: { workspaceId } }),
    app.prisma.searchDocument.count({ where: { workspaceId } }),
    app.prisma.invitation.count({ where: { workspaceId } }),
    app.prisma.file.count({ where: { workspaceId } }),
  ]);
  return { contacts, emails, events, audit, search, invitations, files };
}

const limitOf = (result: GqlResult) => result.errors?.[0]?.extensions;

/** A public form made by the MEMBER that asks for an email and a name. */
async function leadsForm(f: RolesFixture) {
  const fields = [
    { key: 'email', label: 'Email', type: 'EMAIL', required: true, mapsTo: 'EMAIL' },
    { key: 'first_name', label: 'Name', type: 'TEXT', required: true, mapsTo: 'FIRST_NAME' },
  ];
  const { createForm } = await f.clients.MEMBER.ok(`mutation($input: CreateFormInput!) { createForm(input: $input) { publicKey } }`, {
    input: { name: 'Leads', fields },
  });
  return createForm as { publicKey: string };
}

describe('plan limits', () => {
  it('refuses the contact past the free plan’s limit with PLAN_LIMIT naming it, and writes nothing', async () => {
    const { app, f } = await acme();
    const member = f.clients.MEMBER;
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await member.ok<{ createContact: { id: string } }>(CREATE, { name })).createContact.id);
    const before = await footprint(app, f.workspaceId);
    const refused = await member.gql(`mutation { createContact(input: { firstName: "D", emails: ["d@example.com"] }) { id } }`);
    expect(errorCodes(refused)).toEqual(['PLAN_LIMIT']);
    expect(limitOf(refused)).toMatchObject({ limit: 'contacts', allowed: 3, used: 3 });
    expect(refused.errors![0]!.message).toMatch(/allows 3 contacts/);
    expect(await footprint(app, f.workspaceId)).toEqual(before);

    // Editing, reading, exporting and deleting still work over the limit.
    expect((await member.ok(UPDATE, { id: ids[0] })).updateContact.lastName).toBe('Edited');
    expect((await member.ok(`{ contacts(first: 10) { edges { node { id } } } }`)).contacts.edges).toHaveLength(3);
    expect(errorCodes(await f.clients.ADMIN.gql(`mutation { requestWorkspaceExport(format: JSON) { id } }`))).toEqual([]);
    await member.ok(DELETE, { id: ids[1] });
    // A contact in the trash no longer counts.
    expect(errorCodes(await member.gql(CREATE, { name: 'D' }))).toEqual([]);
  });

  it('leaves other workspaces’ counts out of it', async () => {
    const { app, f } = await acme();
    const other = await app.prisma.workspace.findFirstOrThrow({ where: { name: 'Elsewhere' } });
    await app.prisma.contact.createMany({ data: ['X', 'Y', 'Z'].map((firstName) => ({ workspaceId: other.id, firstName })) });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'A' }))).toEqual([]);
    const outsider = f.clients.OUTSIDER;
    outsider.workspaceId = globalId('Workspace', other.id);
    expect(errorCodes(await outsider.gql(CREATE, { name: 'W' }))).toEqual(['PLAN_LIMIT']);
  });

  it('lets a paid plan’s higher limit apply once subscribed', async () => {
    const { app, f } = await acme();
    await app.prisma.contact.createMany({ data: ['X', 'Y', 'Z'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, status: 'ACTIVE', planId: 'team', stripeSubscriptionId: 'sub_x' } });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'A' }))).toEqual([]);
  });

  it('refuses an invitation past the seat limit and says why, writing no invitation', async () => {
    const { app, f } = await acme();
    // Four members and one pending invitation fill the free plan's five seats.
    expect(errorCodes(await f.clients.ADMIN.gql(`mutation { inviteMember(email: "fifth@example.com", role: MEMBER) { id } }`))).toEqual([]);
    const before = await footprint(app, f.workspaceId);
    const refused = await f.clients.ADMIN.gql(`mutation { inviteMember(email: "sixth@example.com", role: MEMBER) { id } }`);
    expect(errorCodes(refused)).toEqual(['PLAN_LIMIT']);
    expect(limitOf(refused)).toMatchObject({ limit: 'seats', allowed: 5, used: 5 });
    expect(refused.errors![0]!.message).toMatch(/allows 5 seats and 5 are used/);
    expect(await footprint(app, f.workspaceId)).toEqual(before);
    // Inviting the same address again replaces its invitation, so it takes no second seat.
    expect(errorCodes(await f.clients.ADMIN.gql(`mutation { inviteMember(email: "fifth@example.com", role: VIEWER) { id } }`))).toEqual([]);
  });

  it('refuses an upload past the plan’s storage, keeping nothing of it', async () => {
    const { app, f } = await acme();
    const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Files' } });
    const target = globalId('Contact', contact.id);
    const small = await uploadAs(app, f.clients.MEMBER, target, { name: 'a.txt', type: 'text/plain', bytes: 'x'.repeat(40) });
    expect(errorCodes(small)).toEqual([]);
    const before = await footprint(app, f.workspaceId);
    const big = await uploadAs(app, f.clients.MEMBER, target, { name: 'b.txt', type: 'text/plain', bytes: 'y'.repeat(40) });
    expect(errorCodes(big)).toEqual(['PLAN_LIMIT']);
    expect(limitOf(big)).toMatchObject({ limit: 'storageBytes', allowed: 64, used: 40 });
    expect(await footprint(app, f.workspaceId)).toEqual(before);
  });

  it('closes a public form to new contacts past the limit, telling the public no more, while known contacts still submit', async () => {
    const { app, f } = await acme();
    const createForm = await leadsForm(f);
    await f.clients.MEMBER.ok(`mutation { createContact(input: { firstName: "Known", emails: ["known@example.com"] }) { id } }`);
    await app.prisma.contact.createMany({ data: ['X', 'Y'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    const before = await footprint(app, f.workspaceId);
    const submit = (email: string) => post(`/forms/${createForm.publicKey}`, JSON.stringify({ email, first_name: 'Lead' }), {});
    expect(await submit('new@example.com')).toEqual({
      status: 403,
      body: { code: 'FORM_CLOSED', message: 'This form is not taking new submissions right now.' },
    });
    expect(await footprint(app, f.workspaceId)).toEqual(before);
    expect((await submit('known@example.com')).status).toBe(200);
  });

  it('stops an API key from writing past the daily API calls, while it can still read', async () => {
    const { app, f } = await acme();
    const { secret, apiKey } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'MEMBER');
    const key = app.client();
    key.authorization = `Bearer ${secret}`;
    await app.prisma.usageEvent.createMany({
      data: [1, 2, 3].map(() => ({ workspaceId: f.workspaceId, apiKeyId: apiKey.id, kind: 'API_CALL' as const, name: 'Sync' })),
    });
    const refused = await key.gql(CREATE, { name: 'Robot' });
    expect(errorCodes(refused)).toEqual(['PLAN_LIMIT']);
    expect(limitOf(refused)).toMatchObject({ limit: 'apiCallsPerDay', allowed: 3 });
    expect(errorCodes(await key.gql(`{ contacts(first: 1) { edges { node { id } } } }`))).toEqual([]);
    // People in the app are not counted against it.
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'Person' }))).toEqual([]);
  });
});

describe('payment states', () => {
  it('keeps a past_due workspace working through the grace period, then makes it read-only', async () => {
    const { app, f } = await acme();
    await app.prisma.billingAccount.create({
      data: { workspaceId: f.workspaceId, status: 'PAST_DUE', planId: 'team', pastDueSince: new Date(Date.now() - 6 * 864e5) },
    });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'InGrace' }))).toEqual([]);
    await app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { pastDueSince: new Date(Date.now() - 8 * 864e5) } });
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'AfterGrace' }))).toEqual(['PAYMENT_REQUIRED']);
  });

  it('makes an unpaid workspace read-only, except export and deletion, and deletes nothing', async () => {
    const { app, f } = await acme();
    const contacts = await Promise.all(
      ['A', 'B'].map((firstName) => app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, ownerId: f.users.MEMBER.id } })),
    );
    await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, status: 'UNPAID', planId: 'team' } });
    const before = await footprint(app, f.workspaceId);
    const member = f.clients.MEMBER;
    const refusals = [
      await member.gql(CREATE, { name: 'New' }),
      await member.gql(UPDATE, { id: globalId('Contact', contacts[0]!.id) }),
      await member.gql(`mutation { createTag(name: "hot") { id } }`),
      await f.clients.ADMIN.gql(`mutation { inviteMember(email: "new@example.com", role: MEMBER) { id } }`),
    ];
    expect(refusals.map(errorCodes)).toEqual([['PAYMENT_REQUIRED'], ['PAYMENT_REQUIRED'], ['PAYMENT_REQUIRED'], ['PAYMENT_REQUIRED']]);
    expect(refusals[0]!.errors![0]!.message).toMatch(/read-only because its subscription is unpaid/);
    expect(await footprint(app, f.workspaceId)).toEqual(before);
    expect((await member.ok(`{ contacts(first: 5) { edges { node { id } } } }`)).contacts.edges).toHaveLength(2);
    expect(errorCodes(await f.clients.ADMIN.gql(`mutation { requestWorkspaceExport(format: JSON) { id } }`))).toEqual([]);
    // Reads that need a managing permission still work.
    const reads = await f.clients.ADMIN.gql(`{ workspace { invitations { email } } webhooks { edges { node { id } } } }`);
    expect(reads.errors ?? []).toEqual([]);
    expect(errorCodes(await member.gql(DELETE, { id: globalId('Contact', contacts[1]!.id) }))).toEqual([]);
    // Deleting a file needs the upload permission: a mutation that only deletes passes, one that also writes does not.
    const file = await app.prisma.file.create({
      data: {
        workspaceId: f.workspaceId,
        name: 'a.txt',
        contentType: 'text/plain',
        size: 1,
        sha256: 'x',
        storageKey: `${f.workspaceId}/k`,
        contactId: contacts[0]!.id,
        uploadedById: f.users.MEMBER.id,
      },
    });
    const fileId = globalId('Attachment', file.id);
    const mixed = await member.gql(`mutation($id: ID!) { deleteFile(id: $id) createTag(name: "x") { id } }`, { id: fileId });
    expect(errorCodes(mixed)[0]).toBe('PAYMENT_REQUIRED');
    expect(await app.prisma.tag.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.file.count({ where: { id: file.id, deletedAt: null } })).toBe(1);
    expect(errorCodes(await member.gql(`mutation($id: ID!) { deleteFile(id: $id) }`, { id: fileId }))).toEqual([]);
    // Billing never deletes: the unpaid workspace keeps every record.
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId } })).toBe(2);
  });

  it('keeps public form submissions in a read-only workspace as in a paying one, while its team may not write', async () => {
    const { app, f } = await acme();
    const createForm = await leadsForm(f);
    await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, status: 'ACTIVE', planId: 'team', stripeSubscriptionId: 'sub_x' } });
    const submit = (email: string) => post(`/forms/${createForm.publicKey}`, JSON.stringify({ email, first_name: 'Lead' }), {});
    const leads = () =>
      app.prisma.formSubmission.findMany({
        where: { workspaceId: f.workspaceId },
        select: { contact: { select: { emails: { select: { email: true } } } } },
        orderBy: { createdAt: 'asc' },
      });
    expect(await submit('paying@example.com')).toEqual({ status: 200, body: { ok: true } });

    for (const status of ['UNPAID', 'PAST_DUE'] as const) {
      await app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { status, pastDueSince: new Date(Date.now() - 30 * 864e5) } });
      expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'Team' }))).toEqual(['PAYMENT_REQUIRED']);
      expect(await submit(`${status.toLowerCase()}@example.com`)).toEqual({ status: 200, body: { ok: true } });
    }
    expect((await leads()).map((lead) => lead.contact?.emails[0]?.email)).toEqual(['paying@example.com', 'unpaid@example.com', 'past_due@example.com']);
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId, firstName: 'Lead' } })).toBe(3);
  });

  it('tells every member what the banner says: a limit near or reached, past due with the grace left, read-only', async () => {
    const { app, f } = await acme();
    const notice = async () =>
      (await f.clients.VIEWER.ok<{ billingNotice: Record<string, unknown> | null }>(`{ billingNotice { kind graceDaysLeft limit percentUsed } }`))
        .billingNotice;
    // Four members of the free plan's five seats.
    expect(await notice()).toEqual({ kind: 'LIMIT_NEAR', graceDaysLeft: null, limit: 'seats', percentUsed: 80 });
    await app.prisma.contact.createMany({ data: ['X', 'Y', 'Z'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    expect(await notice()).toEqual({ kind: 'LIMIT_REACHED', graceDaysLeft: null, limit: 'contacts', percentUsed: 100 });
    await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, status: 'ACTIVE', planId: 'team', stripeSubscriptionId: 'sub_x' } });
    expect(await notice()).toBeNull();
    await app.prisma.billingAccount.update({
      where: { workspaceId: f.workspaceId },
      data: { status: 'PAST_DUE', pastDueSince: new Date(Date.now() - 5.5 * 864e5) },
    });
    expect(await notice()).toMatchObject({ kind: 'PAST_DUE', graceDaysLeft: 2 });
    await app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { status: 'UNPAID' } });
    expect(await notice()).toMatchObject({ kind: 'READ_ONLY' });
  });

  it('makes a workspace without a subscription read-only when the server has no free plan', async () => {
    const { app, f } = await acme();
    const billing = app.services.billing!;
    app.services.billing = { ...billing, config: { ...billing.config, plans: billing.config.plans.filter((plan) => !plan.free) } };
    expect(errorCodes(await f.clients.MEMBER.gql(CREATE, { name: 'A' }))).toEqual(['PAYMENT_REQUIRED']);
    expect(errorCodes(await f.clients.OWNER.gql(`{ billing { planId } }`))).toEqual([]);
  });
});
