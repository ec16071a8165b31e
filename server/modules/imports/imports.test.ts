import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { importRow, PREVIEW, READ, runDueJobs, START } from './imports.test-helpers.js';

const getApp = useTestApp();

const CSV = [
  'First Name,Last Name,Email,Work Email,Phone,Company,Tags,Contact owner,Notes',
  'Ada,Lovelace,ada@example.com,ada@engines.example,(212) 555-0187,Analytical Engines,"vip; math",member@example.com,Met at the salon',
  'Alan,Turing,alan@example.com,,+44 20 7946 0018,Bletchley Park,math,,',
  'Bad,Email,not-an-email,,,,,,',
  'Bad,Phone,bp@example.com,,12,,,,',
  'Who,Owns,who@example.com,,,,,nobody@example.com,',
  'Ada,Again,ADA@example.com,,,,,,',
].join('\r\n');

describe('contact import, end to end', () => {
  it('previews, then imports in the queue: lists, tags, company, owner, note; failures in the error file', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { defaultPhoneCountry: 'US' } });
    const { gid, columns } = await importRow(app, f, 'MEMBER', CSV);
    expect(columns).toEqual(['firstName', 'lastName', 'emails', 'emails', 'phones', 'company', 'tags', 'owner', 'note']);
    const settings = { entity: 'CONTACT', columns, dedupeMode: 'UPDATE' };
    const member = f.clients.MEMBER;

    const { importPreview: preview } = await member.ok(PREVIEW, { id: gid, settings, first: 3 });
    expect(preview).toMatchObject({ rowsChecked: 6, complete: true, creates: 2, updates: 1, failures: 3, matchesInWorkspace: 0, duplicatesInFile: 1 });
    expect(preview.rows[0]).toMatchObject({
      number: 1,
      action: 'CREATE',
      // Row 6 is the same person (same email): in UPDATE mode the later row wins, so row 1 is stored as "Ada Again".
      values: {
        firstName: 'Ada',
        lastName: 'Again',
        emails: ['ada@example.com', 'ada@engines.example'],
        phones: ['+12125550187'],
        company: 'Analytical Engines',
        tags: ['vip', 'math'],
      },
      errors: [],
    });
    expect(preview.failedRows).toEqual([
      { number: 3, errors: ['"not-an-email" is not a valid email address.'] },
      { number: 4, errors: ['"12" is not a valid phone number in US or with a country code.'] },
      { number: 5, errors: ['Unknown owner "nobody@example.com": no member of the workspace has that email or name.'] },
    ]);
    expect(await app.prisma.contact.count()).toBe(0);

    const { startImport } = await member.ok(START, { id: gid, settings });
    expect(startImport.status).toBe('QUEUED');
    await runDueJobs(app);
    const { node } = await member.ok(READ, { id: gid });
    expect(node).toMatchObject({ status: 'DONE', rowsRead: 6, createdCount: 2, updatedCount: 1, skippedCount: 0, failedCount: 3 });
    expect(node.errorFileUrl).toMatch(/\/imports\/[0-9a-f-]+\/errors\.csv$/);

    const ada = await app.prisma.contact.findFirstOrThrow({
      where: { workspaceId: f.workspaceId, firstName: 'Ada' },
      include: { emails: { orderBy: { email: 'asc' } }, phones: true, tags: { orderBy: { name: 'asc' } }, company: true, notes: true },
    });
    expect(ada.lastName).toBe('Again');
    expect(ada.emails.map((e) => [e.email, e.isPrimary])).toEqual([
      ['ada@engines.example', false],
      ['ada@example.com', true],
    ]);
    expect(ada.phones.map((p) => p.e164)).toEqual(['+12125550187']);
    expect(ada.tags.map((t) => t.name)).toEqual(['math', 'vip']);
    expect(ada.company?.name).toBe('Analytical Engines');
    expect(ada.ownerId).toBe(f.users.MEMBER.id);
    expect(ada.createdById).toBe(f.users.MEMBER.id);
    expect(ada.notes.map((n) => n.body)).toEqual(['Met at the salon']);
    const alan = await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Alan' }, include: { company: true } });
    expect(alan.company?.name).toBe('Bletchley Park');
    // Search documents are written once per batch, from the stored rows: the contact's with its emails and phone,
    // its new company's and its note's.
    const adaDocument = await app.prisma.searchDocument.findUniqueOrThrow({ where: { id: ada.id } });
    expect(adaDocument.title).toBe('Ada Again');
    expect(adaDocument.keys).toEqual(expect.arrayContaining(['email:ada@example.com', 'email:ada@engines.example', 'domain:engines.example']));
    expect(adaDocument.keys.some((key) => key.includes('5550187'))).toBe(true);
    expect(await app.prisma.searchDocument.count({ where: { id: { in: [ada.company!.id, ada.notes[0]!.id] } } })).toBe(2);

    // One event per import step, never one per row; the completion reaches webhooks as import.completed.
    const events = await app.prisma.activityEvent.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => `${e.entityType}.${e.verb}`)).toEqual(['Import.queued', 'Import.started', 'Import.completed']);
    expect(events.at(-1)!.changes).toMatchObject({ created: 2, updated: 1, failed: 3, rowsRead: 6 });
    expect(await app.prisma.auditLogEntry.count({ where: { action: 'import.started' } })).toBe(1);
    // The upload is not kept once imported.
    expect((await app.prisma.import.findFirstOrThrow()).storageKey).toBeNull();
  });
});

describe('private imports', () => {
  it('makes every record private to the importer, whatever the owner column says', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { gid, columns } = await importRow(app, f, 'MEMBER', 'Name,Email,Owner,Company\nAda Lovelace,ada@example.com,admin@example.com,Engines\n');
    expect(columns).toEqual(['fullName', 'emails', 'owner', 'company']);
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'SKIP', visibility: 'PRIVATE' } });
    await runDueJobs(app);
    const ada = await app.prisma.contact.findFirstOrThrow({ where: { workspaceId: f.workspaceId }, include: { company: true } });
    expect([ada.firstName, ada.lastName, ada.visibility, ada.ownerId]).toEqual(['Ada', 'Lovelace', 'PRIVATE', f.users.MEMBER.id]);
    expect([ada.company?.visibility, ada.company?.ownerId]).toEqual(['PRIVATE', f.users.MEMBER.id]);
  });
});
