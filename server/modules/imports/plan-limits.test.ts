// Imports and billing plans: the free test plan allows 3 contacts.
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { errorCodes } from '../../test/test-app.js';
import { useBillingApp } from '../billing/billing.test-helpers.js';
import { importRow, PREVIEW, READ, runDueJobs, START } from './imports.test-helpers.js';

const { getApp } = useBillingApp();

describe('an import under a plan that limits contacts', () => {
  it('creates contacts up to the limit, fails the rest with the reason, and still updates and adds companies', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Grace', emails: { create: { workspaceId: f.workspaceId, email: 'grace@example.com', isPrimary: true } } },
    });
    const csv = [
      'Name,Email,Job Title,Company',
      'Ada Lovelace,ada@example.com,,Engines',
      'Grace Hopper,grace@example.com,Admiral,',
      'Alan Turing,alan@example.com,,Bletchley',
      'Emmy Noether,emmy@example.com,,Göttingen',
      'Alan Again,alan@example.com,,',
      'Emmy Again,emmy@example.com,Professor,',
    ].join('\n');
    const { row, gid, columns } = await importRow(app, f, 'MEMBER', csv);
    const { importPreview } = await f.clients.MEMBER.ok(PREVIEW, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'UPDATE' }, first: 1 });
    expect(importPreview).toMatchObject({ creates: 2, failures: 2 });
    expect(importPreview.failedRows.map((r: { number: number }) => r.number)).toEqual([4, 6]);
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'UPDATE' } });
    await runDueJobs(app);
    const { node } = await f.clients.MEMBER.ok(READ, { id: gid });
    expect(node).toMatchObject({ status: 'DONE', rowsRead: 6, createdCount: 2, updatedCount: 2, failedCount: 2 });
    expect(await app.prisma.contact.count({ where: { workspaceId: f.workspaceId, deletedAt: null } })).toBe(3);
    expect((await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Grace' } })).jobTitle).toBe('Admiral');
    const failures = await app.prisma.importFailure.findMany({ where: { importId: row.id }, orderBy: { rowNumber: 'asc' } });
    expect(failures.map((x) => x.rowNumber)).toEqual([4, 6]);
    expect(failures[0]!.reason).toBe('The plan allows 3 contacts and this row would be one more; upgrade on the billing page, then import this file again.');
    // Companies are not limited; the refused contact's company is not made.
    expect((await app.prisma.company.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { name: 'asc' } })).map((c) => c.name)).toEqual([
      'Bletchley',
      'Engines',
    ]);
  });

  it('refuses to start with PLAN_LIMIT when there is no room for one contact, and a company import still starts', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await app.prisma.contact.createMany({ data: ['A', 'B', 'C'].map((firstName) => ({ workspaceId: f.workspaceId, firstName })) });
    const people = await importRow(app, f, 'MEMBER', 'Name,Email\nDora,dora@example.com\n');
    const refused = await f.clients.MEMBER.gql(START, { id: people.gid, settings: { entity: 'CONTACT', columns: people.columns, dedupeMode: 'SKIP' } });
    expect(errorCodes(refused)).toEqual(['PLAN_LIMIT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'contacts', allowed: 3, used: 3 });
    expect((await app.prisma.import.findUniqueOrThrow({ where: { id: people.row.id } })).status).toBe('UPLOADED');
    expect(await app.prisma.job.count()).toBe(0);

    const firms = await importRow(app, f, 'MEMBER', 'Company Name,Domain,Industry\nAcme,acme.example,Tools\n', 'firms.csv');
    await f.clients.MEMBER.ok(START, { id: firms.gid, settings: { entity: 'COMPANY', columns: firms.columns, dedupeMode: 'SKIP' } });
    await runDueJobs(app);
    expect((await f.clients.MEMBER.ok(READ, { id: firms.gid })).node).toMatchObject({ status: 'DONE', createdCount: 1 });
  });
});
