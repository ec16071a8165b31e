import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { createDefaultPipeline } from '../pipelines/pipeline.service.js';
import { graceIn, importAndRun, importRow, PREVIEW, READ, runDueJobs, START } from './imports.test-helpers.js';
import { amountInMinor, calendarDay } from './deal-values.js';

const getApp = useTestApp();
const UNDO = `mutation($id: ID!) { undoImport(id: $id) { status } }`;

async function dealWorkspace() {
  const app = getApp();
  const f = await rolesFixture(app);
  await createDefaultPipeline(app.prisma, f.workspaceId);
  const grace = await graceIn(app, f);
  return { app, f, grace };
}

const FILE = [
  'Deal Name,Amount,Currency,Pipeline,Stage,Close Date,Deal Owner,Company,Contact Email,Tags,Notes',
  'Big renewal,"1,234.50",EUR,,,2027-03-31,admin@example.com,Acme Corp,grace@navy.example,"vip; q1",Signed LOI',
  'big  renewal,"9,999.00",EUR,,,,,Acme Corp,,,',
  'Bad amount,12x,,,,,,,,,',
  'Unknown stage,10,,Sales,Nope,,,,,,',
  'Unknown contact,10,,,,,,,nobody@example.com,,',
  'Small one,$99,,Sales,Won,31/12/2026,,,,,',
].join('\n');

describe('importing deals', () => {
  it('reads amounts and dates the ways spreadsheets write them', () => {
    expect(['1,234.50', '€ 1.234,50', '1 234,5', '1234', '1.234', '0.5', '$99'].map((t) => amountInMinor(t, 'EUR'))).toEqual([
      '123450',
      '123450',
      '123450',
      '123400',
      '123400',
      '50',
      '9900',
    ]);
    expect(amountInMinor('1,500', 'JPY')).toBe('1500');
    expect(() => amountInMinor('1.234', 'KWD')).not.toThrow();
    expect(() => amountInMinor('1.2345', 'EUR')).toThrow(/decimals/);
    expect(() => amountInMinor('-5', 'EUR')).toThrow(/not an amount/);
    expect(['2027-03-31', '31/12/2026', '12/31/2026', '2027-01-02T10:00:00Z'].map(calendarDay)).toEqual([
      '2027-03-31',
      '2026-12-31',
      '2026-12-31',
      '2027-01-02',
    ]);
    expect(() => calendarDay('03/04/2026')).toThrow(/unambiguously/);
    expect(() => calendarDay('2026-02-30')).toThrow(/not a date/);
  });

  it('suggests the deal mapping, previews, imports with stage, company, contact, owner, tags and note, and undoes', async () => {
    const { app, f, grace } = await dealWorkspace();
    const { row, gid, columns, entity } = await importRow(app, f, 'MEMBER', FILE, 'deals.csv');
    expect(entity).toBe('DEAL');
    expect(columns).toEqual(['name', 'amount', 'currency', 'pipeline', 'stage', 'closeDate', 'owner', 'company', 'contactEmails', 'tags', 'note']);
    const settings = { entity: 'DEAL', columns, dedupeMode: 'SKIP' };
    const { importPreview } = await f.clients.MEMBER.ok(PREVIEW, { id: gid, settings, first: 2 });
    expect(importPreview).toMatchObject({ rowsChecked: 6, creates: 2, skips: 1, failures: 3, duplicatesInFile: 1, matchesInWorkspace: 0 });
    expect(importPreview.rows[0]).toMatchObject({
      action: 'CREATE',
      values: { name: 'Big renewal', amountMinor: '123450', currency: 'EUR', stage: 'Lead', closeDate: '2027-03-31', tags: ['vip', 'q1'] },
    });
    expect(await app.prisma.deal.count()).toBe(0);
    expect(await app.prisma.company.count()).toBe(0);

    await f.clients.MEMBER.ok(START, { id: gid, settings });
    await runDueJobs(app);
    const { node } = await f.clients.MEMBER.ok(READ, { id: gid });
    expect(node).toMatchObject({ status: 'DONE', rowsRead: 6, createdCount: 2, skippedCount: 1, failedCount: 3 });
    const failures = await app.prisma.importFailure.findMany({ where: { importId: row.id }, orderBy: { rowNumber: 'asc' } });
    expect(failures.map((x) => [x.rowNumber, x.reason])).toEqual([
      [3, '"12x" is not an amount.'],
      [4, 'The pipeline "Sales" has no stage named "Nope".'],
      [5, 'No contact you can see has the email nobody@example.com.'],
    ]);
    const big = await app.prisma.deal.findFirstOrThrow({
      where: { workspaceId: f.workspaceId, name: 'Big renewal' },
      include: { stage: true, company: true, contacts: true, tags: { orderBy: { name: 'asc' } }, notes: true, stageChanges: true },
    });
    expect([big.amountMinor, big.currency, big.stage.name, big.status, big.expectedCloseDate?.toISOString().slice(0, 10)]).toEqual([
      123450n,
      'EUR',
      'Lead',
      'OPEN',
      '2027-03-31',
    ]);
    expect([
      big.ownerId,
      big.createdById,
      big.company?.name,
      big.contacts.map((c) => c.contactId),
      big.tags.map((t) => t.name),
      big.notes.map((n) => n.body),
    ]).toEqual([f.users.ADMIN.id, f.users.MEMBER.id, 'Acme Corp', [grace.id], ['q1', 'vip'], ['Signed LOI']]);
    expect(big.stageChanges.map((c) => c.toStageName)).toEqual(['Lead']);
    const small = await app.prisma.deal.findFirstOrThrow({ where: { name: 'Small one' } });
    expect([small.amountMinor, small.currency, small.status, small.closedAt !== null, small.companyId, small.ownerId]).toEqual([
      9900n,
      'USD',
      'WON',
      true,
      null,
      f.users.MEMBER.id,
    ]);
    expect(await app.prisma.searchDocument.count({ where: { id: { in: [big.id, small.id] } } })).toBe(2);

    // Undo: its deals and the company it made go to the trash.
    expect((await f.clients.MEMBER.ok(UNDO, { id: gid })).undoImport.status).toBe('UNDONE');
    expect(await app.prisma.deal.count({ where: { workspaceId: f.workspaceId, deletedAt: null } })).toBe(0);
    expect(await app.prisma.company.count({ where: { workspaceId: f.workspaceId, deletedAt: null } })).toBe(0);
  });

  it('updates the deal of the same name and company, and undo puts it back', async () => {
    const { app, f, grace } = await dealWorkspace();
    const acme = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Acme Corp' } });
    const stage = await app.prisma.pipelineStage.findFirstOrThrow({ where: { workspaceId: f.workspaceId }, orderBy: { position: 'asc' } });
    const deal = await app.prisma.deal.create({
      data: {
        workspaceId: f.workspaceId,
        name: 'Big Renewal',
        amountMinor: 500n,
        currency: 'EUR',
        companyId: acme.id,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
      },
    });
    // Same name at another company, or at none: other deals.
    await app.prisma.deal.create({ data: { workspaceId: f.workspaceId, name: 'Big Renewal', pipelineId: stage.pipelineId, stageId: stage.id } });
    const { gid } = await importAndRun(app, f, FILE, { entity: 'DEAL', dedupeMode: 'UPDATE' }, 'deals.csv');
    expect((await f.clients.MEMBER.ok(READ, { id: gid })).node).toMatchObject({ createdCount: 1, updatedCount: 1, skippedCount: 1, failedCount: 3 });
    expect(await app.prisma.deal.count({ where: { workspaceId: f.workspaceId } })).toBe(3);
    const updated = await app.prisma.deal.findUniqueOrThrow({ where: { id: deal.id }, include: { contacts: true, tags: true, notes: true } });
    expect([updated.amountMinor, updated.ownerId, updated.contacts.map((c) => c.contactId), updated.tags.length, updated.notes.length]).toEqual([
      123450n,
      f.users.ADMIN.id,
      [grace.id],
      2,
      1,
    ]);

    expect((await f.clients.MEMBER.ok(UNDO, { id: gid })).undoImport.status).toBe('UNDONE');
    const restored = await app.prisma.deal.findUniqueOrThrow({
      where: { id: deal.id },
      include: { contacts: true, tags: true, notes: { where: { deletedAt: null } } },
    });
    expect([restored.amountMinor, restored.ownerId, restored.contacts, restored.tags, restored.notes, restored.deletedAt]).toEqual([
      500n,
      null,
      [],
      [],
      [],
      null,
    ]);
  });

  it('links only contacts and updates only deals the importer can see', async () => {
    const { app, f } = await dealWorkspace();
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    const hidden = await app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Hidden',
        ownerId: f.users.ADMIN.id,
        emails: { create: { workspaceId: f.workspaceId, email: 'hidden@example.com', isPrimary: true } },
      },
    });
    const stage = await app.prisma.pipelineStage.findFirstOrThrow({ where: { workspaceId: f.workspaceId }, orderBy: { position: 'asc' } });
    await app.prisma.deal.create({
      data: { workspaceId: f.workspaceId, name: 'Secret', pipelineId: stage.pipelineId, stageId: stage.id, ownerId: f.users.ADMIN.id },
    });
    const { gid, columns } = await importRow(app, f, 'MEMBER', 'Deal Name,Amount,Contact Email\nSecret,5,\nLinked,5,hidden@example.com\n', 'deals.csv');
    const { importPreview } = await f.clients.MEMBER.ok(PREVIEW, { id: gid, settings: { entity: 'DEAL', columns, dedupeMode: 'UPDATE' }, first: 5 });
    expect(importPreview.failedRows).toEqual([
      { number: 1, errors: ['A deal you cannot see has this name and company.'] },
      { number: 2, errors: ['No contact you can see has the email hidden@example.com.'] },
    ]);
    expect(hidden.id).toBeTruthy();
  });
});
