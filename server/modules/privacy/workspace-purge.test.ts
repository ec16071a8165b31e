import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { JobWorker } from '../../jobs/worker.js';
import { jobHandlers } from '../../jobs/registry.js';
import { seedRecords } from '../../seed/records.js';
import { seedChannelRows } from '../channels/test/channel-rows.js';
import { apiKeyFor, globalId, rolesFixture, STRONG_PASSWORD, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { fileStorage } from '../files/storage.js';
import { createWorkspaceWithOwner } from '../workspaces/workspace.service.js';
import { purgeWorkspace, workspaceModels } from './workspace-purge.js';

const getApp = useTestApp();

type CountDelegate = { count: (args: { where: { workspaceId: string } }) => Promise<number> };
const delegate = (app: TestApp, model: string) => (app.prisma as unknown as Record<string, CountDelegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

async function rowsPerModel(app: TestApp, workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const model of workspaceModels()) counts[model] = await delegate(app, model).count({ where: { workspaceId } });
  return counts;
}

/** A workspace with rows in every table that belongs to a workspace, and a file on disk. */
async function fullWorkspace(app: TestApp, f: RolesFixture) {
  const workspace = await app.prisma.$transaction((tx) => createWorkspaceWithOwner(tx, 'Doomed', f.users.OWNER.id));
  const workspaceId = workspace.id;
  const userId = f.users.OWNER.id;
  await app.prisma.membership.create({ data: { workspaceId, userId: f.users.MEMBER.id, role: 'MEMBER' } });
  await seedRecords(app.prisma, { workspaceId, memberIds: [userId, f.users.MEMBER.id], contacts: 12 });
  const contact = await app.prisma.contact.findFirstOrThrow({ where: { workspaceId } });
  const other = await app.prisma.contact.findFirstOrThrow({ where: { workspaceId, id: { not: contact.id } } });
  const deal = await app.prisma.deal.findFirstOrThrow({ where: { workspaceId } });
  const note = await app.prisma.note.findFirstOrThrow({ where: { workspaceId } });
  const team = await app.prisma.team.create({ data: { workspaceId, name: 'Sales' } });
  await app.prisma.teamMember.create({ data: { teamId: team.id, userId } });
  await app.prisma.recordShare.create({ data: { workspaceId, contactId: contact.id, teamId: team.id } });
  await app.prisma.invitation.create({
    data: { workspaceId, email: 'new@example.com', role: 'MEMBER', tokenHash: randomBytes(16).toString('hex'), expiresAt: new Date(Date.now() + 864e5) },
  });
  await app.prisma.outboxEmail.create({ data: { workspaceId, to: 'new@example.com', subject: 'Invitation', text: 'Join Doomed' } });
  await app.prisma.dealStageChange.create({ data: { workspaceId, dealId: deal.id, toStageId: deal.stageId, toStageName: 'Lead', changedById: userId } });
  const comment = await app.prisma.comment.create({ data: { workspaceId, body: 'Ping @member', noteId: note.id, authorId: userId } });
  await app.prisma.commentMention.create({ data: { commentId: comment.id, userId: f.users.MEMBER.id } });
  const form = await app.prisma.form.create({ data: { workspaceId, name: 'Contact us', publicKey: randomBytes(8).toString('hex'), fields: [] } });
  await app.prisma.formSubmission.create({ data: { workspaceId, formId: form.id, contactId: contact.id, data: { email: 'x@example.com' } } });
  await app.prisma.mergeRecord.create({ data: { workspaceId, entityType: 'Contact', survivorId: contact.id, mergedId: other.id, snapshot: {} } });
  await apiKeyFor(app, userId, workspaceId, 'ADMIN');
  await seedChannelRows(app.prisma, workspaceId, userId, contact.id);
  await app.prisma.auditLogEntry.create({ data: { workspaceId, actorUserId: userId, action: 'test.entry' } });
  await app.prisma.activitySequence.create({ data: { workspaceId, last: 1 } });
  await app.prisma.activityEvent.create({
    data: { workspaceId, sequence: 1, actorUserId: userId, verb: 'created', entityType: 'Contact', entityId: contact.id },
  });
  const webhook = await app.prisma.webhook.create({ data: { workspaceId, url: 'https://hooks.example.com/kith', eventTypes: [], secret: 'whsec_test' } });
  await app.prisma.webhookDelivery.create({ data: { workspaceId, webhookId: webhook.id, eventType: 'contact.created', payload: {} } });
  await app.prisma.usageEvent.create({ data: { workspaceId, userId, kind: 'API_CALL', name: 'ListContacts', durationMs: 3 } });
  await app.prisma.clipSource.create({
    data: {
      workspaceId,
      contactId: contact.id,
      site: 'LINKEDIN',
      url: 'https://www.linkedin.com/in/doomed/',
      clippedById: userId,
      fieldsWritten: ['FIRST_NAME'],
    },
  });
  await app.prisma.aiWorkspaceSetting.create({ data: { workspaceId, enabled: true, updatedById: userId } });
  await app.prisma.aiUsage.create({ data: { workspaceId, userId, feature: 'SUMMARY', model: 'm', inputTokens: 10, outputTokens: 2, durationMs: 5 } });
  await app.prisma.billingAccount.create({ data: { workspaceId, stripeCustomerId: `cus_${randomBytes(6).toString('hex')}`, status: 'ACTIVE' } });
  const report = await app.prisma.meterReport.create({ data: { workspaceId, kind: 'ai_tokens', quantity: 5, stripeCustomerId: 'cus_x' } });
  await app.prisma.billableUsage.create({
    data: { workspaceId, kind: 'ai_tokens', quantity: 5, idempotencyKey: randomBytes(8).toString('hex'), reportId: report.id },
  });
  await app.prisma.usageAlert.create({ data: { workspaceId, limitKind: 'contacts', threshold: 80, periodStart: new Date() } });
  const storageKey = `${workspaceId}/${randomBytes(16).toString('hex')}`;
  await fileStorage(app.services.config).put(
    storageKey,
    (async function* () {
      yield Buffer.from('contract');
    })(),
  );
  await app.prisma.file.create({
    data: { workspaceId, name: 'contract.txt', contentType: 'text/plain', size: 8, storageKey, sha256: 'x', contactId: contact.id },
  });
  const archiveKey = `${workspaceId}/${randomBytes(16).toString('hex')}`;
  await fileStorage(app.services.config).put(
    archiveKey,
    (async function* () {
      yield Buffer.from('zip');
    })(),
  );
  await app.prisma.workspaceExport.create({ data: { workspaceId, format: 'JSON', status: 'DONE', storageKey: archiveKey, requestedById: userId } });
  const imported = await app.prisma.import.create({
    data: {
      workspaceId,
      createdById: userId,
      fileName: 'people.csv',
      byteSize: 10n,
      sourceKind: 'CSV',
      encoding: 'utf8',
      delimiter: ',',
      headers: ['Name'],
      status: 'DONE',
    },
  });
  await app.prisma.importedRecord.create({
    data: { importId: imported.id, recordId: contact.id, entity: 'CONTACT', action: 'CREATED', writtenAt: new Date() },
  });
  await app.prisma.customField.create({ data: { workspaceId, entity: 'CONTACT', key: 'tier', label: 'Tier', type: 'TEXT' } });
  await app.prisma.importMappingPreset.create({ data: { workspaceId, name: 'CRM', entity: 'CONTACT', columns: { Name: 'fullName' } } });
  await app.prisma.sampleRecord.create({ data: { workspaceId, recordId: contact.id, tableName: 'Contact' } });
  const view = await app.prisma.savedView.create({
    data: { workspaceId, ownerId: userId, entity: 'CONTACT', name: 'Leads', filter: { lifecycleStage: 'LEAD' } },
  });
  await app.prisma.savedViewStar.create({ data: { workspaceId, userId, entity: 'CONTACT', viewId: view.id } });
  return { workspaceId, storageKey, archiveKey };
}

async function runDuePurges(app: TestApp) {
  await app.prisma.workspace.updateMany({ where: { closedAt: { not: null } }, data: { purgeAfter: new Date(Date.now() - 1000) } });
  await app.prisma.job.updateMany({ where: { kind: 'workspace.purge' }, data: { runAt: new Date(Date.now() - 1000) } });
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

describe('workspace deletion', () => {
  it('closes the workspace at once, and the purge leaves no row of it in any table, nor its files', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { workspaceId, storageKey, archiveKey } = await fullWorkspace(app, f);
    const before = await rowsPerModel(app, workspaceId);
    // The fixture must touch every workspace table, so a new table cannot escape this test unnoticed.
    expect(
      Object.entries(before)
        .filter(([, n]) => n === 0)
        .map(([model]) => model),
    ).toEqual([]);
    const acmeBefore = await rowsPerModel(app, f.workspaceId);

    const owner = f.clients.OWNER;
    owner.workspaceId = globalId('Workspace', workspaceId);
    const { secret } = await apiKeyFor(app, f.users.OWNER.id, workspaceId, 'ADMIN');
    const purgeAfter = await owner.ok<{ requestWorkspaceDeletion: string }>(
      `mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Doomed", password: $p) }`,
      { p: STRONG_PASSWORD },
    );
    expect(new Date(purgeAfter.requestWorkspaceDeletion).getTime()).toBeGreaterThan(Date.now() + 29 * 864e5);

    // Closed for everyone: members, owners and keys.
    expect(errorCodes(await owner.gql(`{ contacts { totalCount } }`))).toEqual(['NOT_FOUND']);
    f.clients.MEMBER.workspaceId = globalId('Workspace', workspaceId);
    expect(errorCodes(await f.clients.MEMBER.gql(`{ contacts { totalCount } }`))).toEqual(['NOT_FOUND']);
    const integration = app.client();
    integration.authorization = `Bearer ${secret}`;
    expect(errorCodes(await integration.gql(`{ contacts { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    const pending = await owner.ok<{ workspacesPendingDeletion: Array<{ name: string }> }>(`{ workspacesPendingDeletion { name } }`);
    expect(pending.workspacesPendingDeletion.map((p) => p.name)).toEqual(['Doomed']);
    // Members stay signed in: `me` lists their other workspaces, not the closed one (whose ID is refused).
    const me = await f.clients.MEMBER.ok<{ me: { workspaces: Array<{ id: string; name: string }> } }>(`{ me { workspaces { id name } } }`);
    expect(me.me.workspaces.map((w) => w.name)).toEqual(['Acme']);

    await runDuePurges(app);
    const after = await rowsPerModel(app, workspaceId);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await app.prisma.workspace.findUnique({ where: { id: workspaceId } })).toBeNull();
    expect(await fileStorage(app.services.config).open(storageKey)).toBeNull();
    expect(await fileStorage(app.services.config).open(archiveKey)).toBeNull();
    // Nothing else was touched.
    expect(await rowsPerModel(app, f.workspaceId)).toEqual(acmeBefore);
    expect(await app.prisma.user.count({ where: { id: f.users.OWNER.id } })).toBe(1);
  });

  it('asks for the exact name and the password, and an owner can cancel before the purge', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const owner = f.clients.OWNER;
    const request = (name: string, p: string) =>
      owner.gql(`mutation($n: String!, $p: String!) { requestWorkspaceDeletion(confirmName: $n, password: $p) }`, { n: name, p });
    expect(errorCodes(await request('acme', STRONG_PASSWORD))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request('Acme', 'not the password at all'))).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.workspace.findUniqueOrThrow({ where: { id: f.workspaceId } })).toMatchObject({ closedAt: null });

    await owner.ok(`mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Acme", password: $p) }`, { p: STRONG_PASSWORD });
    expect(errorCodes(await owner.gql(`{ workspace { name } }`))).toEqual(['NOT_FOUND']);
    await owner.ok(`mutation($w: ID!) { cancelWorkspaceDeletion(workspaceId: $w) }`, { w: f.workspaceGid });
    expect((await owner.ok<{ workspace: { name: string } }>(`{ workspace { name } }`)).workspace.name).toBe('Acme');

    // The job booked by the cancelled request finds the workspace open and leaves it alone.
    await runDuePurges(app);
    expect(await app.prisma.workspace.count({ where: { id: f.workspaceId } })).toBe(1);
    const actions = (await app.prisma.auditLogEntry.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['workspace.deletion_requested', 'workspace.deletion_cancelled']);
    const emails = await app.prisma.outboxEmail.findMany({ where: { to: 'owner@example.com' }, orderBy: { createdAt: 'asc' } });
    expect(emails.map((e) => e.subject)).toEqual(['"Acme" will be deleted', '"Acme" will not be deleted']);
  });

  it('purges in steps that keep their progress: a failed attempt leaves the workspace row, and is retried until the purge is done, files included', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { workspaceId, storageKey, archiveKey } = await fullWorkspace(app, f);
    const owner = f.clients.OWNER;
    owner.workspaceId = globalId('Workspace', workspaceId);
    await owner.ok(`mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Doomed", password: $p) }`, { p: STRONG_PASSWORD });
    await app.prisma.workspace.update({ where: { id: workspaceId }, data: { purgeAfter: new Date(Date.now() - 1000) } });
    await app.prisma.job.updateMany({ where: { kind: 'workspace.purge' }, data: { runAt: new Date(Date.now() - 1000) } });

    // The file store fails once, midway.
    const storage = fileStorage(app.services.config);
    const storageDown = vi.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('storage unreachable'));
    const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
    while (await worker.runNext());
    const job = await app.prisma.job.findFirstOrThrow({ where: { kind: 'workspace.purge' } });
    expect(job).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'storage unreachable' });
    // Still there, still closed: nothing half-purged can be reached, and the next attempt knows what to do.
    expect(await app.prisma.workspace.findUnique({ where: { id: workspaceId } })).toMatchObject({ closedAt: expect.any(Date) });
    expect(errorCodes(await owner.gql(`{ contacts { totalCount } }`))).toEqual(['NOT_FOUND']);
    // Nor can it be reopened half-purged: past the grace period, cancelling is refused.
    const cancel = await owner.gql(`mutation($w: ID!) { cancelWorkspaceDeletion(workspaceId: $w) }`, { w: globalId('Workspace', workspaceId) });
    expect(errorCodes(cancel)).toEqual(['BAD_USER_INPUT']);

    // Failing again and again never gives up: each attempt is retried later, and from the fifth on, owners of the instance are alerted.
    const alert = vi.spyOn(app.services.logger, 'error');
    storageDown.mockRejectedValue(new Error('storage unreachable'));
    await app.prisma.job.update({ where: { id: job.id }, data: { attempts: 30, runAt: new Date() } });
    while (await worker.runNext());
    expect(await app.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'PENDING', attempts: 31 });
    expect(alert).toHaveBeenCalledWith(expect.stringContaining(workspaceId));

    storageDown.mockRestore();
    await app.prisma.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    while (await worker.runNext());
    expect(await app.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'DONE' });
    expect(Object.entries(await rowsPerModel(app, workspaceId)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await app.prisma.workspace.findUnique({ where: { id: workspaceId } })).toBeNull();
    expect(await storage.open(storageKey)).toBeNull();
    expect(await storage.open(archiveKey)).toBeNull();
  });

  it('deletes in bounded batches, children before parents, so no foreign key blocks a batch and none runs long', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { workspaceId } = await fullWorkspace(app, f);
    await app.prisma.workspace.update({ where: { id: workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });
    const steps: Array<{ table: string; rows: number }> = [];
    const purged = await purgeWorkspace(app.services, workspaceId, { batchRows: 5, onBatch: (table, rows) => void steps.push({ table, rows }) });
    expect(purged.workspace).toBe(true);
    expect(steps.every((step) => step.rows <= 5)).toBe(true);
    const contactSteps = steps.filter((step) => step.table === 'Contact');
    expect(contactSteps.length).toBeGreaterThanOrEqual(3);
    const order = [...new Set(steps.map((step) => step.table))];
    // Everything that points at contacts goes before them; contacts go before companies.
    for (const child of ['Note', 'Activity', 'File', 'FormSubmission', 'RecordShare']) expect(order.indexOf(child)).toBeLessThan(order.indexOf('Contact'));
    expect(order.indexOf('Contact')).toBeLessThan(order.indexOf('Company'));
    expect(Object.entries(await rowsPerModel(app, workspaceId)).filter(([, n]) => n > 0)).toEqual([]);
    expect(await app.prisma.workspace.count({ where: { id: workspaceId } })).toBe(0);
    // Running it again (a retry after a crash right at the end) is harmless.
    expect((await purgeWorkspace(app.services, workspaceId, { batchRows: 5 })).workspace).toBe(false);
  });
});
