// Personal data in the corners (issue 22): the outbox, invitations, old export archives and the audit log's
// network data go when the retention or the deletion they belong to says so.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { jobHandlers } from '../../jobs/registry.js';
import { RETENTION_SWEEP, retentionSweepHandlers } from '../../jobs/retention-sweep.js';
import { JobWorker } from '../../jobs/worker.js';
import { createKithServer } from '../../http/server.js';
import { globalId, rolesFixture, STRONG_PASSWORD } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { EXPORT, exportOf } from '../exports/exports.test-helpers.js';
import { fileStorage } from '../files/storage.js';
import { identifierPattern, scrubIdentifiers } from './erased-identifiers.js';
import { purgeWorkspace } from './workspace-purge.js';
import { adaReachable } from '../../test/record-fixtures.js';

const getApp = useTestApp();
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

const sweep = (app: TestApp) => retentionSweepHandlers(app.services)[RETENTION_SWEEP]!({ slot: Date.now() }, {} as never);

describe('retention of the outbox and the audit log', () => {
  it('deletes outbox emails after RETENTION_OUTBOX_DAYS (7) in the daily sweep', async () => {
    const app = getApp();
    expect(app.services.config.retention).toMatchObject({ outboxDays: 7, auditDays: 365, auditNetworkDays: 90 });
    await app.prisma.outboxEmail.create({ data: { to: 'old@example.com', subject: 'Old', text: 'token link', createdAt: daysAgo(8) } });
    await app.prisma.outboxEmail.create({ data: { to: 'new@example.com', subject: 'New', text: 'token link', createdAt: daysAgo(6) } });
    await sweep(app);
    expect((await app.prisma.outboxEmail.findMany()).map((row) => row.to)).toEqual(['new@example.com']);
  });

  it('clears IP and user agent after 90 days and deletes entries after 365, keeping the event in between', async () => {
    const app = getApp();
    const entry = (action: string, days: number) =>
      app.prisma.auditLogEntry.create({ data: { action, ip: '198.51.100.7', userAgent: 'Firefox', createdAt: daysAgo(days), details: { n: 1 } } });
    await entry('recent', 10);
    await entry('older', 100);
    await entry('ancient', 400);
    await sweep(app);
    const rows = await app.prisma.auditLogEntry.findMany({ orderBy: { createdAt: 'desc' } });
    expect(rows.map((r) => [r.action, r.ip, r.userAgent, r.details])).toEqual([
      ['recent', '198.51.100.7', 'Firefox', { n: 1 }],
      ['older', null, null, { n: 1 }],
    ]);
    // Still append-only for anything else.
    await expect(app.prisma.auditLogEntry.update({ where: { id: rows[1]!.id }, data: { action: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(app.prisma.auditLogEntry.update({ where: { id: rows[0]!.id }, data: { ip: null, userAgent: null, action: 'rewritten' } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('reads the outbox and audit durations from the environment', () => {
    const config = loadConfig({ NODE_ENV: 'test', RETENTION_OUTBOX_DAYS: '2', RETENTION_AUDIT_DAYS: '730', RETENTION_AUDIT_NETWORK_DAYS: '30' });
    expect(config.retention).toMatchObject({ outboxDays: 2, auditDays: 730, auditNetworkDays: 30 });
    expect(() => loadConfig({ RETENTION_AUDIT_NETWORK_DAYS: '0' })).toThrow(/RETENTION_AUDIT_NETWORK_DAYS/);
  });
});

describe('the outbox and invitations in purges', () => {
  it('purges a workspace’s outbox emails with it, invitations to people who never joined included', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.OWNER.ok(`mutation { inviteMember(email: "stranger@example.com", role: MEMBER) { id } }`);
    await f.clients.OUTSIDER.ok(`mutation { inviteMember(email: "elsewhere@example.com", role: MEMBER) { id } }`);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'stranger@example.com' } })).toBe(1);

    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });
    await purgeWorkspace(app.services, f.workspaceId);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'stranger@example.com' } })).toBe(0);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'elsewhere@example.com' } })).toBe(1);
  });

  it('purges an account’s outbox emails and anonymises its address in other workspaces’ invitations', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.OUTSIDER.ok(`mutation { inviteMember(email: "member@example.com", role: VIEWER) { id } }`);
    await app.client().ok(`mutation { requestPasswordReset(email: "member@example.com") }`);
    await app.client().ok(`mutation { requestPasswordReset(email: "viewer@example.com") }`);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'member@example.com' } })).toBe(2);

    await f.clients.MEMBER.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: STRONG_PASSWORD });
    await app.prisma.user.update({ where: { id: f.users.MEMBER.id }, data: { purgeAfter: new Date(Date.now() - 1000) } });
    await app.prisma.job.updateMany({ where: { kind: 'user.purge' }, data: { runAt: new Date(Date.now() - 1000) } });
    await runDueJobs(app);

    expect(await app.prisma.outboxEmail.count({ where: { OR: [{ to: 'member@example.com' }, { userId: f.users.MEMBER.id }] } })).toBe(0);
    expect(await app.prisma.outboxEmail.count({ where: { to: 'viewer@example.com' } })).toBe(1);
    const invitations = await app.prisma.invitation.findMany();
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.email).toBe(`deleted-${f.users.MEMBER.id}@deleted.invalid`);
  });
});

const ERASE = `mutation($id: ID!) { eraseContact(id: $id) { invalidatedExports scrubbedRecords nameMentions { recordType recordId field excerpt } } }`;

interface Erasure {
  invalidatedExports: number;
  scrubbedRecords: number;
  nameMentions: Array<{ recordType: string; recordId: string; field: string; excerpt: string }>;
}

describe('erasure and what outlives the contact', () => {
  it('invalidates the workspace’s earlier export archives: bytes deleted, downloads answer as for an expired export', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ada = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada', lastName: 'Lovelace' } });
    const { node } = await exportOf(app, f, 'JSON');
    const row = await app.prisma.workspaceExport.findFirstOrThrow();
    const server = createKithServer(app.services);
    try {
      const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
      const link = `${base}${new URL(node.downloadUrl).pathname}`;
      const get = () => fetch(link, { headers: { cookie: f.clients.ADMIN.cookie! } });
      expect((await get()).status).toBe(200);

      const { eraseContact } = await f.clients.ADMIN.ok<{ eraseContact: Erasure }>(ERASE, { id: globalId('Contact', ada.id) });
      expect(eraseContact.invalidatedExports).toBe(1);
      expect(await fileStorage(app.services.config).open(row.storageKey!)).toBeNull();
      expect(await app.prisma.workspaceExport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'EXPIRED', storageKey: null });
      const answer = await get();
      expect(answer.status).toBe(410);
      expect(await answer.json()).toEqual({ error: 'This export has expired; request a new one.' });
      expect((await f.clients.ADMIN.ok(EXPORT, { id: globalId('WorkspaceExport', row.id) })).node.downloadUrl).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('fails an export being written when a contact is erased meanwhile, and its job keeps no archive', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ada = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada', lastName: 'Lovelace' } });
    await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Grace', lastName: 'Hopper' } });
    const { requestWorkspaceExport } = await f.clients.ADMIN.ok<{ requestWorkspaceExport: { id: string } }>(
      `mutation { requestWorkspaceExport(format: JSON) { id } }`,
    );
    // The erasure arrives once the export has started writing.
    let erasure: Promise<unknown> | null = null;
    const publish = app.services.activityHub.publish.bind(app.services.activityHub);
    app.services.activityHub.publish = (events) => {
      if (events.some((e) => e.entityType === 'WorkspaceExport' && e.verb === 'started'))
        erasure ??= f.clients.ADMIN.ok(ERASE, { id: globalId('Contact', ada.id) });
      publish(events);
    };
    await runDueJobs(app);
    expect(erasure).not.toBeNull();
    // Set inside the publish hook, which TypeScript's narrowing does not see.
    await (erasure as Promise<unknown> | null);
    const row = await app.prisma.workspaceExport.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'FAILED', error: 'A contact was erased while this export was being written; request a new one.' });
    expect(row.storageKey && (await fileStorage(app.services.config).open(row.storageKey))).toBeFalsy();
    expect((await f.clients.ADMIN.ok(EXPORT, { id: requestWorkspaceExport.id })).node.downloadUrl).toBeNull();
  });

  it('replaces the contact’s emails, phones and profile URLs in kept free text and its search documents, and lists name mentions', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const workspaceId = f.workspaceId;
    const ada = await adaReachable(app, f, {
      profiles: { create: [{ workspaceId, network: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace', normalizedKey: 'linkedin:ada-lovelace' }] },
    });
    const grace = await app.prisma.contact.create({ data: { workspaceId, firstName: 'Grace', lastName: 'Hopper' } });
    const company = await app.prisma.company.create({ data: { workspaceId, name: 'Analytical Engines' } });
    const shared = await app.prisma.note.create({
      data: {
        workspaceId,
        contactId: ada.id,
        companyId: company.id,
        body: 'Call Ada Lovelace on +44 20 7123 4567 or (020) 7123-4567, mail ada@example.com, see linkedin.com/in/ada-lovelace/ today',
      },
    });
    const companyNote = await app.prisma.note.create({
      data: { workspaceId, companyId: company.id, body: 'Lovelace left 0044 (0)20 7123 4567. Grace is on +44 20 7123 4568, xada@example.com stays. Ada too.' },
    });
    const comment = await app.prisma.comment.create({ data: { workspaceId, noteId: companyNote.id, body: 'Wrote to ADA@EXAMPLE.COM yesterday' } });
    const thread = await app.prisma.communication.create({
      data: {
        workspaceId,
        kind: 'EMAIL',
        direction: 'OUTBOUND',
        toAddresses: ['ada@example.com', 'grace@example.com'],
        subject: 'Re: ada@example.com',
        body: 'Ada said: call 020 7123 4567',
        occurredAt: new Date(),
        contacts: { create: [{ contactId: ada.id }, { contactId: grace.id }] },
      },
    });
    const task = await app.prisma.activity.create({ data: { workspaceId, type: 'TASK', subject: 'Call +442071234567', companyId: company.id } });

    const { eraseContact } = await f.clients.ADMIN.ok<{ eraseContact: Erasure }>(ERASE, { id: globalId('Contact', ada.id) });
    expect(eraseContact.scrubbedRecords).toBe(5);

    const texts = {
      shared: (await app.prisma.note.findUniqueOrThrow({ where: { id: shared.id } })).body,
      companyNote: (await app.prisma.note.findUniqueOrThrow({ where: { id: companyNote.id } })).body,
      comment: (await app.prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).body,
      thread: await app.prisma.communication.findUniqueOrThrow({ where: { id: thread.id }, select: { subject: true, body: true } }),
      task: (await app.prisma.activity.findUniqueOrThrow({ where: { id: task.id } })).subject,
    };
    expect(texts).toEqual({
      shared: 'Call Ada Lovelace on [erased] or [erased], mail [erased], see [erased] today',
      companyNote: 'Lovelace left [erased]. Grace is on +44 20 7123 4568, xada@example.com stays. Ada too.',
      comment: 'Wrote to [erased] yesterday',
      thread: { subject: 'Re: [erased]', body: 'Ada said: call [erased]' },
      task: 'Call [erased]',
    });
    const documents = await app.prisma.searchDocument.findMany({ where: { id: { in: [shared.id, comment.id, thread.id, task.id] } } });
    expect(documents).toHaveLength(4);
    for (const doc of documents) expect(JSON.stringify([doc.title, doc.details, doc.body, doc.keys])).not.toMatch(/ada@example|7123 ?4567|4567|ada-lovelace/i);

    const mentions = eraseContact.nameMentions.map((m) => [m.recordType, m.recordId, m.field, m.excerpt]);
    expect(mentions).toEqual([
      ['Note', globalId('Note', shared.id), 'body', 'Call Ada Lovelace on [erased] or [erased], mail…'],
      ['Note', globalId('Note', companyNote.id), 'body', 'Lovelace left [erased]. Grace is on +4…'],
      ['Communication', globalId('Communication', thread.id), 'body', 'Ada said: call [erased]'],
    ]);
  });
});

describe('identifier patterns', () => {
  it('finds a phone number in its usual written forms, and not a neighbouring number', () => {
    const pattern = identifierPattern({ emails: [], phones: ['+14155550100'], profileUrls: [], firstName: 'A', lastName: '' })!;
    const text = '(415) 555-0100 | +1 415-555-0100 | 1.415.555.0100 | 001 415 555 0100 | 4155550100 | 415 555 0101 | 24155550100';
    expect(scrubIdentifiers(text, pattern)).toBe('[erased] | [erased] | [erased] | [erased] | [erased] | 415 555 0101 | 24155550100');
  });
});
