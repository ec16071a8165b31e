import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, expectBadInput, sameStatementCount, useTestApp } from '../../test/test-app.js';
import { createMutation, creator, lister, listQuery } from '../../test/record-api.js';
import { companyRow, contactRow, dealRow, outsiderWorkspaceId } from '../../test/record-fixtures.js';

const getApp = useTestApp();

const FIELDS = `id kind direction fromAddress toAddresses subject body bodyPrivate bodyHidden durationSeconds outcome occurredAt visibility
  owner { name } contacts { id } company { id } deal { id }`;
const CREATE = createMutation('Communication', FIELDS);
const LIST = listQuery('Communication', 'communications', 'subject');
const create = creator('Communication', CREATE);
const subjects = lister('communications', LIST, 'subject', 'subjects');
const UPDATE = `mutation($id: ID!, $input: CommunicationInput!) { updateCommunication(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { communication(id: $id) { subject body bodyHidden fromAddress } }`;

const email = (extra: Record<string, unknown> = {}) => ({
  kind: 'EMAIL',
  direction: 'INBOUND',
  fromAddress: ' Ada@Example.COM ',
  toAddresses: ['sales@acme.test'],
  subject: 'Pricing',
  body: 'What does it cost?',
  ...extra,
});

const at = (n: number) => new Date(Date.UTC(2030, 5, n, 12)).toISOString();

describe('communications', () => {
  it('logs an email linked to contacts, a company and a deal, with normalised addresses, owned by its creator', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const [ada, bob] = [await contactRow(app, f, { name: 'Ada' }), await contactRow(app, f, { name: 'Bob' })];
    const [company, deal] = [await companyRow(app, f), await dealRow(app, f)];
    const row = await create(
      f,
      email({
        toAddresses: ['Sales@Acme.test', 'sales@acme.test', 'cto@acme.test'],
        contactIds: [bob.gid, ada.gid],
        companyId: company.gid,
        dealId: deal.gid,
        occurredAt: at(1),
      }),
    );
    expect(row).toMatchObject({
      kind: 'EMAIL',
      direction: 'INBOUND',
      fromAddress: 'ada@example.com',
      toAddresses: ['sales@acme.test', 'cto@acme.test'],
      body: 'What does it cost?',
      bodyPrivate: false,
      bodyHidden: false,
      occurredAt: at(1),
      visibility: 'WORKSPACE',
      owner: { name: 'Member Person' },
      company: { id: company.gid },
      deal: { id: deal.gid },
    });
    expect(row.contacts.map((c: { id: string }) => c.id).sort()).toEqual([ada.gid, bob.gid].sort());

    const updated = await f.clients.MEMBER.ok(UPDATE, { id: row.id, input: { contactIds: [ada.gid], dealId: null, subject: 'Re: Pricing' } });
    expect(updated.updateCommunication).toMatchObject({ subject: 'Re: Pricing', contacts: [{ id: ada.gid }], deal: null, company: { id: company.gid } });
    expect(await app.prisma.communicationContact.count()).toBe(1);
  });

  it('logs calls and SMS with phone numbers in E.164, call duration and outcome, defaulting occurredAt to now', async () => {
    const f = await rolesFixture(getApp());
    const call = await create(f, {
      kind: 'CALL',
      direction: 'OUTBOUND',
      fromAddress: '+1 (415) 555-0132',
      toAddresses: ['044 123 4567'],
      phoneCountry: 'UA',
      durationSeconds: 0,
      outcome: ' Left voicemail ',
    });
    expect(call).toMatchObject({ fromAddress: '+14155550132', toAddresses: ['+380441234567'], durationSeconds: 0, outcome: 'Left voicemail' });
    expect(Date.parse(call.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    const sms = await create(f, { kind: 'SMS', direction: 'INBOUND', fromAddress: '+380 44 123 4567', body: 'Running late' });
    expect(sms).toMatchObject({ fromAddress: '+380441234567', toAddresses: [], durationSeconds: null });
  });

  it.each([
    ['no kind', { direction: 'INBOUND' }, 'BAD_USER_INPUT'],
    ['no direction', { kind: 'EMAIL' }, 'BAD_USER_INPUT'],
    ['a sender that is not an email address', email({ fromAddress: 'ada at example' }), 'BAD_USER_INPUT'],
    ['a recipient that is not an email address', email({ toAddresses: ['ok@acme.test', '+14155550132'] }), 'BAD_USER_INPUT'],
    ['an SMS to something that is not a phone number', { kind: 'SMS', direction: 'OUTBOUND', toAddresses: ['bob@example.com'] }, 'BAD_USER_INPUT'],
    ['a call from a number without a country code', { kind: 'CALL', direction: 'INBOUND', fromAddress: '4155550132' }, 'BAD_USER_INPUT'],
    ['a negative duration', { kind: 'CALL', direction: 'INBOUND', durationSeconds: -5 }, 'BAD_USER_INPUT'],
    ['a duration on an email', email({ durationSeconds: 30 }), 'BAD_USER_INPUT'],
    ['an outcome on an SMS', { kind: 'SMS', direction: 'INBOUND', outcome: 'answered' }, 'BAD_USER_INPUT'],
    ['a contact in another workspace', email({ contactIds: ['FOREIGN_CONTACT'] }), 'BAD_USER_INPUT'],
    ['a company in another workspace', email({ companyId: 'FOREIGN_COMPANY' }), 'BAD_USER_INPUT'],
    ['a deal in another workspace', email({ dealId: 'FOREIGN_DEAL' }), 'BAD_USER_INPUT'],
    ['an owner who is not a member', email({ ownerId: 'OUTSIDER' }), 'BAD_USER_INPUT'],
    ['a body over 100,000 characters', email({ body: 'x'.repeat(100_001) }), 'BAD_USER_INPUT'],
    ['101 recipients', email({ toAddresses: Array.from({ length: 101 }, (_, i) => `r${i}@acme.test`) }), 'BAD_USER_INPUT'],
  ])('refuses %s and writes nothing', async (_label, input: Record<string, unknown>, code) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const elsewhere = { workspaceId: await outsiderWorkspaceId(app, f), ownerId: f.users.OUTSIDER.id };
    const swap = async (value: unknown): Promise<unknown> => {
      if (Array.isArray(value)) return Promise.all(value.map(swap));
      if (value === 'FOREIGN_CONTACT') return (await contactRow(app, f, elsewhere)).gid;
      if (value === 'FOREIGN_COMPANY') return (await companyRow(app, f, elsewhere)).gid;
      if (value === 'FOREIGN_DEAL') return (await dealRow(app, f, elsewhere)).gid;
      if (value === 'OUTSIDER') return globalId('User', f.users.OUTSIDER.id);
      return value;
    };
    const resolved = Object.fromEntries(await Promise.all(Object.entries(input).map(async ([k, v]) => [k, await swap(v)])));
    const result = await f.clients.MEMBER.gql(CREATE, { input: resolved });
    expect(errorCodes(result)).toEqual([code]);
    expect(await app.prisma.communication.count()).toBe(0);
    expect(await app.prisma.communicationContact.count()).toBe(0);
  });

  it('checks stored addresses again when an update changes the kind', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const row = await create(f, email());
    const result = await f.clients.MEMBER.gql(UPDATE, { id: row.id, input: { kind: 'CALL' } });
    expectBadInput(result, 'input.fromAddress');
    const fixed = await f.clients.MEMBER.ok(UPDATE, { id: row.id, input: { kind: 'CALL', fromAddress: '+14155550132', toAddresses: [], durationSeconds: 90 } });
    expect(fixed.updateCommunication).toMatchObject({ kind: 'CALL', fromAddress: '+14155550132', toAddresses: [], durationSeconds: 90 });
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: row.id, input: { kind: 'SMS' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('hides a private body from other members while its metadata stays visible; the owner and admins read it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const row = await create(f, email({ body: 'Our margin is 40%', bodyPrivate: true }));

    const other = await f.clients.VIEWER.ok(GET, { id: row.id });
    expect(other.communication).toEqual({ subject: 'Pricing', body: null, bodyHidden: true, fromAddress: 'ada@example.com' });
    expect((await f.clients.MEMBER.ok(GET, { id: row.id })).communication).toMatchObject({ body: 'Our margin is 40%', bodyHidden: false });
    expect((await f.clients.ADMIN.ok(GET, { id: row.id })).communication).toMatchObject({ body: 'Our margin is 40%', bodyHidden: false });
    const node = await f.clients.VIEWER.ok(`query($id: ID!) { node(id: $id) { ... on Communication { subject body bodyHidden } } }`, { id: row.id });
    expect(node.node).toEqual({ subject: 'Pricing', body: null, bodyHidden: true });

    // Text search never matches a body the viewer may not read.
    expect((await subjects(f, 'VIEWER', { filter: { text: 'margin' } })).total).toBe(0);
    expect((await subjects(f, 'MEMBER', { filter: { text: 'margin' } })).total).toBe(1);
    expect((await subjects(f, 'ADMIN', { filter: { text: 'MARGIN' } })).total).toBe(1);
  });

  it('lets only the owner or an admin change a private body, its privacy or the owner', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const row = await create(f, email({ body: 'Secret terms', bodyPrivate: true }), 'ADMIN');
    const me = globalId('User', f.users.MEMBER.id);
    for (const input of [{ ownerId: me }, { bodyPrivate: false }, { body: 'Overwritten' }]) {
      expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: row.id, input }))).toEqual(['FORBIDDEN']);
    }
    expect((await f.clients.MEMBER.ok(UPDATE, { id: row.id, input: { subject: 'Terms' } })).updateCommunication).toMatchObject({
      subject: 'Terms',
      body: null,
      bodyHidden: true,
    });
    const open = await create(f, email(), 'ADMIN');
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: open.id, input: { bodyPrivate: true } }))).toEqual(['FORBIDDEN']);
    const handedOver = await f.clients.ADMIN.ok(UPDATE, { id: row.id, input: { ownerId: me } });
    expect(handedOver.updateCommunication).toMatchObject({ owner: { name: 'Member Person' }, body: 'Secret terms' });
    expect((await app.prisma.communication.findFirstOrThrow({ where: { subject: 'Terms' } })).body).toBe('Secret terms');
  });

  it('hides PRIVATE records from other members in lists, counts, get and node; admins and shares see them', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await create(f, email({ subject: 'Open' }));
    const secret = await create(f, email({ subject: 'Private', visibility: 'PRIVATE' }));

    expect(await subjects(f, 'VIEWER')).toEqual({ subjects: ['Open'], total: 1 });
    expect(errorCodes(await f.clients.VIEWER.gql(GET, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.VIEWER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(GET, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect((await subjects(f, 'ADMIN')).total).toBe(2);
    await app.prisma.recordShare.create({
      data: {
        workspaceId: f.workspaceId,
        communicationId: (await app.prisma.communication.findFirstOrThrow({ where: { subject: 'Private' } })).id,
        userId: f.users.VIEWER.id,
      },
    });
    expect((await subjects(f, 'VIEWER')).total).toBe(2);
  });

  it('shows linked records the viewer cannot see as absent, not as errors', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await companyRow(app, f, { private: true });
    const contact = await contactRow(app, f, { private: true });
    const open = await contactRow(app, f);
    const row = await create(f, email({ companyId: company.gid, contactIds: [contact.gid, open.gid] }));
    const seen = await f.clients.VIEWER.ok(`query($id: ID!) { communication(id: $id) { company { id } contacts { id } } }`, { id: row.id });
    expect(seen.communication).toEqual({ company: null, contacts: [{ id: open.gid }] });
    expect((await f.clients.MEMBER.ok(`query($id: ID!) { communication(id: $id) { contacts { id } } }`, { id: row.id })).communication.contacts).toHaveLength(
      2,
    );
  });

  it('filters by kind, direction, linked records, date range and text, sorts, and pages with a total', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = await contactRow(app, f);
    const company = await companyRow(app, f);
    const deal = await dealRow(app, f);
    await create(f, email({ subject: 'e1', occurredAt: at(3), contactIds: [contact.gid] }));
    await create(f, email({ subject: 'e2', direction: 'OUTBOUND', occurredAt: at(1), companyId: company.gid }));
    await create(f, { kind: 'CALL', direction: 'OUTBOUND', subject: 'c1', toAddresses: ['+14155550132'], occurredAt: at(2), dealId: deal.gid });
    await create(f, { kind: 'SMS', direction: 'INBOUND', subject: 's1', fromAddress: '+380441234567', body: 'Call me about the invoice', occurredAt: at(4) });

    expect((await subjects(f, 'VIEWER')).subjects).toEqual(['s1', 'e1', 'c1', 'e2']);
    expect((await subjects(f, 'VIEWER', { sort: { field: 'OCCURRED_AT' } })).subjects).toEqual(['e2', 'c1', 'e1', 's1']);
    expect((await subjects(f, 'VIEWER', { sort: { field: 'CREATED_AT', direction: 'DESC' } })).subjects).toEqual(['s1', 'c1', 'e2', 'e1']);
    expect(await subjects(f, 'VIEWER', { filter: { kind: 'EMAIL' } })).toEqual({ subjects: ['e1', 'e2'], total: 2 });
    expect(await subjects(f, 'VIEWER', { filter: { direction: 'OUTBOUND' } })).toEqual({ subjects: ['c1', 'e2'], total: 2 });
    expect(await subjects(f, 'VIEWER', { filter: { contactId: contact.gid } })).toEqual({ subjects: ['e1'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { companyId: company.gid } })).toEqual({ subjects: ['e2'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { dealId: deal.gid } })).toEqual({ subjects: ['c1'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { occurredAt: { from: at(2), to: at(3) } } })).toEqual({ subjects: ['e1', 'c1'], total: 2 });
    expect(await subjects(f, 'VIEWER', { filter: { text: 'invoice' } })).toEqual({ subjects: ['s1'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { text: '+1 415 555 0132' } })).toEqual({ subjects: ['c1'], total: 1 });
    expect(await subjects(f, 'VIEWER', { filter: { text: 'SALES@acme.test' } })).toEqual({ subjects: ['e1', 'e2'], total: 2 });

    const first = await f.clients.VIEWER.ok(LIST, { first: 3 });
    expect(first.communications).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await subjects(f, 'VIEWER', { first: 3, after: first.communications.pageInfo.endCursor });
    expect(rest).toEqual({ subjects: ['e2'], total: 4 });
  });

  it('lists a page of 50 records with contacts, company, deal, owner and body in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seed = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const [contact, company, deal] = [await contactRow(app, f), await companyRow(app, f), await dealRow(app, f)];
        await app.prisma.communication.create({
          data: {
            workspaceId: f.workspaceId,
            kind: 'EMAIL',
            direction: 'INBOUND',
            occurredAt: new Date(),
            body: 'b',
            bodyPrivate: i % 2 === 0,
            ownerId: f.users.ADMIN.id,
            companyId: company.id,
            dealId: deal.id,
            contacts: { create: [{ contactId: contact.id }] },
          },
        });
      }
    };
    const page = `{ communications(first: 50) { totalCount edges { node { body bodyHidden owner { name } contacts { name } company { name } deal { name } } } } }`;
    const large = await sameStatementCount(app, () => f.clients.MEMBER.ok(page), seed, [3], [50]);
    expect(large.result.communications.edges).toHaveLength(50);
    expect(large.result.communications.edges.filter((e: { node: { bodyHidden: boolean } }) => e.node.bodyHidden)).toHaveLength(25);
  });

  it('moves records to the trash and restores them; members delete only their own', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const mine = await create(f, email({ subject: 'Mine' }));
    const theirs = await create(f, email({ subject: 'Theirs' }), 'ADMIN');
    const del = `mutation($id: ID!) { deleteCommunication(id: $id) { deletedAt } }`;
    const restore = `mutation($id: ID!) { restoreCommunication(id: $id) { deletedAt } }`;

    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: theirs.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: mine.id })).deleteCommunication.deletedAt).toBeTruthy();
    expect(await subjects(f, 'MEMBER', { trash: true })).toEqual({ subjects: ['Mine'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(GET, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
    expect((await f.clients.MEMBER.ok(restore, { id: mine.id })).restoreCommunication.deletedAt).toBeNull();
    expect((await subjects(f, 'MEMBER')).total).toBe(2);
    await app.prisma.communication.updateMany({ data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(errorCodes(await f.clients.ADMIN.gql(restore, { id: theirs.id }))).toEqual(['BAD_USER_INPUT']);
  });
});
