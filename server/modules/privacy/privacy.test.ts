import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JobWorker } from '../../jobs/worker.js';
import { jobHandlers } from '../../jobs/registry.js';
import { globalId, rolesFixture, STRONG_PASSWORD, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { fileStorage } from '../files/storage.js';
import { adaReachable, companyRow } from '../../test/record-fixtures.js';

const getApp = useTestApp();

/** Ada with an email, a phone, notes, activities, communications, a form submission, a file and a merge trail. */
async function adaWithHistory(app: TestApp, f: RolesFixture) {
  const workspaceId = f.workspaceId;
  const ada = await adaReachable(app, f, { ownerId: f.users.MEMBER.id });
  const grace = await app.prisma.contact.create({ data: { workspaceId, firstName: 'Grace' } });
  const company = await companyRow(app, f);
  const privateNote = await app.prisma.note.create({ data: { workspaceId, body: 'Ada prefers calls', contactId: ada.id } });
  const sharedNote = await app.prisma.note.create({ data: { workspaceId, body: 'Account plan', contactId: ada.id, companyId: company.id } });
  const task = await app.prisma.activity.create({ data: { workspaceId, type: 'TASK', subject: 'Call Ada', contactId: ada.id } });
  const onlyAda = await app.prisma.communication.create({
    data: {
      workspaceId,
      kind: 'EMAIL',
      direction: 'INBOUND',
      fromAddress: 'ada@example.com',
      toAddresses: ['sales@acme.test'],
      subject: 'Hi',
      occurredAt: new Date(),
      contacts: { create: [{ contactId: ada.id }] },
    },
  });
  const thread = await app.prisma.communication.create({
    data: {
      workspaceId,
      kind: 'EMAIL',
      direction: 'OUTBOUND',
      fromAddress: 'sales@acme.test',
      toAddresses: ['ada@example.com', 'grace@example.com'],
      subject: 'Both',
      occurredAt: new Date(),
      contacts: { create: [{ contactId: ada.id }, { contactId: grace.id }] },
    },
  });
  const form = await app.prisma.form.create({ data: { workspaceId, name: 'Contact us', publicKey: randomBytes(8).toString('hex'), fields: [] } });
  await app.prisma.formSubmission.create({ data: { workspaceId, formId: form.id, contactId: ada.id, data: { email: 'ada@example.com' } } });
  await app.prisma.mergeRecord.create({
    data: { workspaceId, entityType: 'Contact', survivorId: ada.id, mergedId: randomUUIDv4(), snapshot: { firstName: 'Ada' } },
  });
  const storageKey = `${workspaceId}/${randomBytes(16).toString('hex')}`;
  await fileStorage(app.services.config).put(
    storageKey,
    (async function* () {
      yield Buffer.from('passport scan');
    })(),
  );
  await app.prisma.file.create({ data: { workspaceId, name: 'passport.png', contentType: 'image/png', size: 13, storageKey, sha256: 'x', contactId: ada.id } });
  return { ada, grace, company, privateNote, sharedNote, task, onlyAda, thread, storageKey };
}

function randomUUIDv4() {
  return crypto.randomUUID();
}

describe('contact privacy', () => {
  it('exports everything held about a contact as JSON, and audits the export', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { ada } = await adaWithHistory(app, f);
    const result = await f.clients.ADMIN.ok<{ exportContact: Record<string, any> }>(`mutation($id: ID!) { exportContact(id: $id) }`, {
      id: globalId('Contact', ada.id),
    });
    const data = result.exportContact;
    expect(data.contact).toMatchObject({ firstName: 'Ada', emails: [{ email: 'ada@example.com', isPrimary: true }], phones: [{ e164: '+442071234567' }] });
    expect(data.notes.map((n: { body: string }) => n.body).sort()).toEqual(['Account plan', 'Ada prefers calls']);
    expect(data.activities).toHaveLength(1);
    expect(data.communications.map((c: { subject: string }) => c.subject).sort()).toEqual(['Both', 'Hi']);
    expect(data.formSubmissions).toHaveLength(1);
    expect(data.files).toEqual([expect.objectContaining({ name: 'passport.png' })]);
    expect(JSON.stringify(data)).not.toContain('storageKey');
    const audit = await app.prisma.auditLogEntry.findFirstOrThrow({ where: { action: 'contact.exported' } });
    expect(audit).toMatchObject({ workspaceId: f.workspaceId, actorUserId: f.users.ADMIN.id, targetId: ada.id });
  });

  it('erases a contact and what only describes them, keeps shared records without their addresses, and audits without personal data', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const h = await adaWithHistory(app, f);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { eraseContact(id: $id) { invalidatedExports } }`, { id: globalId('Contact', h.ada.id) });

    expect(await app.prisma.contact.findUnique({ where: { id: h.ada.id } })).toBeNull();
    expect(await app.prisma.contactEmail.count({ where: { email: 'ada@example.com' } })).toBe(0);
    expect(await app.prisma.note.findUnique({ where: { id: h.privateNote.id } })).toBeNull();
    expect(await app.prisma.note.findUniqueOrThrow({ where: { id: h.sharedNote.id } })).toMatchObject({ contactId: null, companyId: h.company.id });
    expect(await app.prisma.activity.findUnique({ where: { id: h.task.id } })).toBeNull();
    expect(await app.prisma.communication.findUnique({ where: { id: h.onlyAda.id } })).toBeNull();
    expect(await app.prisma.communication.findUniqueOrThrow({ where: { id: h.thread.id } })).toMatchObject({ toAddresses: ['grace@example.com'] });
    expect(await app.prisma.formSubmission.count()).toBe(0);
    expect(await app.prisma.mergeRecord.count()).toBe(0);
    expect(await app.prisma.file.count()).toBe(0);
    expect(await fileStorage(app.services.config).open(h.storageKey)).toBeNull();
    expect(await app.prisma.contact.count({ where: { id: h.grace.id } })).toBe(1);

    const audit = await app.prisma.auditLogEntry.findFirstOrThrow({ where: { action: 'contact.erased' } });
    expect(audit.details).toEqual({
      notes: 1,
      activities: 1,
      communications: 1,
      files: 1,
      formSubmissions: 1,
      mergeRecords: 1,
      importRows: 0,
      importUndoImages: 0,
      scrubbedRecords: 0,
      nameMentions: 0,
      invalidatedExports: 0,
    });
    expect(JSON.stringify(audit)).not.toMatch(/Ada|Lovelace|ada@example/);
  });

  it('refuses members and other workspaces, and leaves the contact whole', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { ada } = await adaWithHistory(app, f);
    const erase = `mutation($id: ID!) { eraseContact(id: $id) { invalidatedExports } }`;
    expect(errorCodes(await f.clients.MEMBER.gql(erase, { id: globalId('Contact', ada.id) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(erase, { id: globalId('Contact', ada.id) }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.contact.count({ where: { id: ada.id } })).toBe(1);
    expect(await app.prisma.note.count()).toBe(2);
  });
});

describe('account privacy', () => {
  it('exports the user’s own data without secrets', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const result = await f.clients.MEMBER.ok<{ requestMyDataExport: Record<string, any> }>(`mutation { requestMyDataExport }`);
    const data = result.requestMyDataExport;
    expect(data.profile).toMatchObject({ email: 'member@example.com', name: 'Member Person' });
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'MEMBER', workspace: expect.objectContaining({ name: 'Acme' }) })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|tokenHash|secretHash/);
    const sessionId = f.clients.MEMBER.cookie!.split('=')[1]!;
    expect(text).not.toContain(sessionId);
  });

  it('deletes an account: refused to the only owner, then signed out, removed, and anonymised after the grace period', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const del = `mutation($p: String!) { deleteMyAccount(password: $p) }`;
    const refused = await f.clients.OWNER.gql(del, { p: STRONG_PASSWORD });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toMatch(/only owner of "Acme".*transferOwnership/);

    const member = f.clients.MEMBER;
    const contact = await member.ok<{ createContact: { id: string } }>(`mutation { createContact(input: { firstName: "Kept" }) { id } }`);
    expect(errorCodes(await member.gql(del, { p: 'wrong password here' }))).toEqual(['BAD_USER_INPUT']);
    await member.ok(del, { p: STRONG_PASSWORD });
    expect(member.cookie).toBeNull();
    expect(await app.prisma.membership.count({ where: { userId: f.users.MEMBER.id } })).toBe(0);
    expect(await app.prisma.session.count({ where: { userId: f.users.MEMBER.id } })).toBe(0);
    expect(
      errorCodes(await app.client().gql(`mutation($p: String!) { signIn(email: "member@example.com", password: $p) { id } }`, { p: STRONG_PASSWORD })),
    ).toEqual(['BAD_USER_INPUT']);

    await app.prisma.user.update({ where: { id: f.users.MEMBER.id }, data: { purgeAfter: new Date(Date.now() - 1000) } });
    await app.prisma.job.updateMany({ where: { kind: 'user.purge' }, data: { runAt: new Date(Date.now() - 1000) } });
    const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
    while (await worker.runNext());
    const wiped = await app.prisma.user.findUniqueOrThrow({ where: { id: f.users.MEMBER.id } });
    expect(wiped).toMatchObject({ name: 'Deleted user', emailVerifiedAt: null });
    expect(wiped.email).not.toContain('member@example.com');
    // Their records stay in the workspace, attributed to the deleted user.
    const kept = await f.clients.ADMIN.ok<{ node: { firstName: string; createdBy: { name: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on Contact { firstName createdBy { name } } } }`,
      { id: contact.createContact.id },
    );
    expect(kept.node).toEqual({ firstName: 'Kept', createdBy: { name: 'Deleted user' } });
  });
});

describe('audit log', () => {
  it('records role changes and key events, filters them, and cannot be rewritten', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.ADMIN.ok(`mutation($m: ID!) { changeMemberRole(memberId: $m, role: VIEWER) { role } }`, { m: f.users.MEMBER.membershipGid });
    await f.clients.ADMIN.ok(`mutation { createApiKey(input: { name: "CI", role: VIEWER }) { secret } }`);
    await app.client({ ip: '198.51.100.4' }).ok(`mutation($p: String!) { signIn(email: "viewer@example.com", password: $p) { id } }`, { p: STRONG_PASSWORD });

    const log = await f.clients.OWNER.ok<{
      auditLog: { totalCount: number; edges: Array<{ node: { action: string; actorName: string; ip: string; details: unknown } }> };
    }>(`{ auditLog { totalCount edges { node { action actorName ip details } } } }`);
    expect(log.auditLog.edges.map((e) => e.node.action)).toEqual(['user.signed_in', 'api_key.created', 'member.role_changed']);
    expect(log.auditLog.edges[0]!.node).toMatchObject({ actorName: 'Viewer Person', ip: '198.51.100.4' });
    expect(log.auditLog.edges[2]!.node.details).toEqual({ from: 'MEMBER', to: 'VIEWER' });

    const keys = await f.clients.OWNER.ok<{ auditLog: { totalCount: number } }>(`{ auditLog(filter: { action: "api_key." }) { totalCount } }`);
    expect(keys.auditLog.totalCount).toBe(1);
    // Another workspace's admin sees none of it.
    const outsider = await f.clients.OUTSIDER.ok<{ auditLog: { totalCount: number } }>(`{ auditLog { totalCount } }`);
    expect(outsider.auditLog.totalCount).toBe(0);

    const entry = await app.prisma.auditLogEntry.findFirstOrThrow();
    await expect(app.prisma.auditLogEntry.update({ where: { id: entry.id }, data: { action: 'nothing.happened' } })).rejects.toThrow(/append-only/);
  });
});
