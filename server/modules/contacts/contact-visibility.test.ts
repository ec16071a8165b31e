import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { contactNames, createContactAs } from './contact.test-helpers.js';

const getApp = useTestApp();

const GET = `query($id: ID!) { contact(id: $id) { name } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Contact { name } } }`;
const DELETE = `mutation($id: ID!) { deleteContact(id: $id) { deletedAt } }`;
const RESTORE = `mutation($id: ID!) { restoreContact(id: $id) { deletedAt } }`;

describe('contact visibility and permissions', () => {
  it('hides a member’s private contact from other members in lists, counts, get, node and lookups; admins and shares see it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    // A second member, B, next to the fixture's MEMBER (A).
    const other = await app.prisma.user.create({ data: { name: 'Other Member', email: 'b@example.com', passwordHash: 'x', ageConfirmedAt: new Date() } });
    await app.prisma.membership.create({ data: { workspaceId: f.workspaceId, userId: other.id, role: 'MEMBER' } });
    await createContactAs(f, 'MEMBER', { firstName: 'Public', lastName: 'Person' });
    const secret = await createContactAs(f, 'MEMBER', {
      firstName: 'Secret',
      lastName: 'Person',
      visibility: 'PRIVATE',
      emails: ['secret@example.com'],
      profileUrls: ['linkedin.com/in/secret'],
    });

    const viewer = f.clients.VIEWER;
    expect(await contactNames(f, 'VIEWER')).toEqual({ names: ['Public Person'], total: 1 });
    expect(errorCodes(await viewer.gql(GET, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(NODE, { id: secret.id }))).toEqual(['NOT_FOUND']);
    expect((await viewer.ok(`{ contactByEmail(email: "secret@example.com") { id } }`)).contactByEmail).toBeNull();
    expect((await viewer.ok(`{ contactByProfileUrl(url: "https://www.linkedin.com/in/Secret/") { id } }`)).contactByProfileUrl).toBeNull();
    expect(errorCodes(await viewer.gql(`mutation($id: ID!) { updateContact(id: $id, input: { location: "X" }) { id } }`, { id: secret.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect((await contactNames(f, 'MEMBER')).names).toEqual(['Public Person', 'Secret Person']);
    expect((await contactNames(f, 'ADMIN')).names).toEqual(['Public Person', 'Secret Person']);
    expect((await f.clients.ADMIN.ok(NODE, { id: secret.id })).node.name).toBe('Secret Person');

    const secretRow = await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Secret' } });
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, contactId: secretRow.id, userId: f.users.VIEWER.id } });
    expect(await contactNames(f, 'VIEWER')).toEqual({ names: ['Public Person', 'Secret Person'], total: 2 });
    expect((await viewer.ok(GET, { id: secret.id })).contact.name).toBe('Secret Person');
    expect((await viewer.ok(`{ contactByEmail(email: "secret@example.com") { name } }`)).contactByEmail.name).toBe('Secret Person');
  });

  it('shows a private company on a contact as null to those who cannot see it, and refuses links to it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const hidden = await app.prisma.company.create({
      data: { workspaceId: f.workspaceId, name: 'Stealth', visibility: 'PRIVATE', ownerId: f.users.ADMIN.id },
    });
    const contact = await createContactAs(f, 'ADMIN', { firstName: 'Ada', companyId: globalId('Company', hidden.id) });
    expect(contact.company).toEqual({ name: 'Stealth' });
    const seen = await f.clients.MEMBER.gql(`query($id: ID!) { contact(id: $id) { name company { name } } }`, { id: contact.id });
    expect(seen).toEqual({ data: { contact: { name: 'Ada', company: null } } });
    const linked = await f.clients.MEMBER.gql(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, {
      input: { firstName: 'X', companyId: globalId('Company', hidden.id) },
    });
    expect(errorCodes(linked)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.contact.count()).toBe(1);
  });

  it('with the OWN_AND_SHARED policy, members see only their own and shared contacts', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const admins = await createContactAs(f, 'ADMIN', { firstName: 'Admin', lastName: 'Contact' });
    await createContactAs(f, 'MEMBER', { firstName: 'Member', lastName: 'Contact' });
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    expect(await contactNames(f, 'MEMBER')).toEqual({ names: ['Member Contact'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(GET, { id: admins.id }))).toEqual(['NOT_FOUND']);
    expect((await contactNames(f, 'ADMIN')).names).toEqual(['Admin Contact', 'Member Contact']);

    const team = await app.prisma.team.create({ data: { workspaceId: f.workspaceId, name: 'Sales' } });
    await app.prisma.teamMember.create({ data: { teamId: team.id, userId: f.users.MEMBER.id } });
    const adminRow = await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Admin' } });
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, contactId: adminRow.id, teamId: team.id } });
    expect(await contactNames(f, 'MEMBER')).toEqual({ names: ['Admin Contact', 'Member Contact'], total: 2 });
  });

  it('lets viewers read but not create, and members delete only their own', async () => {
    const f = await rolesFixture(getApp());
    const created = await f.clients.VIEWER.gql(`mutation { createContact(input: { firstName: "Nope" }) { id } }`);
    expect(errorCodes(created)).toEqual(['FORBIDDEN']);
    const admins = await createContactAs(f, 'ADMIN', { firstName: 'Theirs' });
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { id: admins.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.VIEWER.gql(DELETE, { id: admins.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.ADMIN.ok(DELETE, { id: admins.id })).deleteContact.deletedAt).toBeTruthy();
  });

  it('moves contacts to the trash and restores them within 30 days', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const mine = await createContactAs(f, 'MEMBER', { firstName: 'Mine', emails: ['mine@example.com'] });
    await createContactAs(f, 'MEMBER', { firstName: 'Kept' });

    expect((await f.clients.MEMBER.ok(DELETE, { id: mine.id })).deleteContact.deletedAt).toBeTruthy();
    expect((await contactNames(f, 'MEMBER')).names).toEqual(['Kept']);
    expect(await contactNames(f, 'MEMBER', { trash: true })).toEqual({ names: ['Mine'], total: 1 });
    expect(errorCodes(await f.clients.MEMBER.gql(GET, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(NODE, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.MEMBER.ok(`{ contactByEmail(email: "mine@example.com") { id } }`)).contactByEmail).toBeNull();
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { updateContact(id: $id, input: { location: "X" }) { id } }`, { id: mine.id }))).toEqual([
      'NOT_FOUND',
    ]);

    expect((await f.clients.MEMBER.ok(RESTORE, { id: mine.id })).restoreContact.deletedAt).toBeNull();
    expect((await contactNames(f, 'MEMBER')).names).toEqual(['Kept', 'Mine']);
    expect(errorCodes(await f.clients.MEMBER.gql(RESTORE, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);

    await app.prisma.contact.updateMany({ where: { firstName: 'Mine' }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(errorCodes(await f.clients.MEMBER.gql(RESTORE, { id: mine.id }))).toEqual(['BAD_USER_INPUT']);
  });
});
