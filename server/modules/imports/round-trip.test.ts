// Kith's own workspace export (CSV), its Contact.csv and Company.csv imported into a new workspace, gives the
// same contacts and companies field by field. Emails, phones, tags and the company link live in other files
// of the archive (one file per table), so they are not part of this round trip.
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { exportOf, storedArchive } from '../exports/exports.test-helpers.js';
import { normalizeUrl } from '../records/normalize.js';
import { importRow, KITH_COMPANY_FIELDS, KITH_CONTACT_FIELDS, READ, runDueJobs, START } from './imports.test-helpers.js';

const getApp = useTestApp();

describe("Kith's own export, imported again", () => {
  it('gives the same contacts and companies, field by field, in a new workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const w = f.workspaceId;
    await app.prisma.company.createMany({
      data: [
        {
          workspaceId: w,
          name: 'Analytical Engines, Ltd.',
          domain: 'engines.example',
          website: normalizeUrl('https://engines.example/about', 'website'),
          industry: 'Computing',
          size: '11-50',
          street: "12 St James's Square",
          city: 'London',
          region: 'Greater London',
          postalCode: 'SW1Y 4JH',
          country: 'United Kingdom',
          phone: '+44 20 7946 0000',
          linkedinUrl: normalizeUrl('https://www.linkedin.com/company/engines', 'linkedinUrl'),
          customFields: { tier: 'gold', 'founded in': '1834' },
        },
        { workspaceId: w, name: '=Formula "Quoted", Inc' },
      ],
    });
    await app.prisma.contact.createMany({
      data: [
        {
          workspaceId: w,
          firstName: 'Ada',
          lastName: 'Lovelace',
          jobTitle: 'Analyst, first class',
          location: 'London',
          headline: 'Poet of science',
          skills: ['math', 'poetry'],
          source: 'salon',
          lifecycleStage: 'CUSTOMER',
          customFields: { pet: 'Puff', note: 'line one\nline two' },
        },
        { workspaceId: w, firstName: '-Grace', lastName: '', lifecycleStage: 'LEAD', skills: [] },
        { workspaceId: w, firstName: 'Émile', lastName: 'Zoë "Z" Ünal', jobTitle: '+1 engineer', lifecycleStage: 'QUALIFIED', skills: ['a;b'] },
      ],
    });

    await exportOf(app, f, 'CSV');
    const exported = await app.prisma.workspaceExport.findFirstOrThrow({ where: { workspaceId: w, status: 'DONE' } });
    const archive = await storedArchive(app, exported.storageKey!);

    const fresh = await app.prisma.workspace.create({ data: { name: 'Fresh', memberships: { create: { userId: f.users.ADMIN.id, role: 'OWNER' } } } });
    const into = { ...f, workspaceId: fresh.id };
    for (const [file, entity, rows] of [
      ['Contact.csv', 'CONTACT', 3],
      ['Company.csv', 'COMPANY', 2],
    ] as const) {
      const { gid, columns, entity: suggested } = await importRow(app, into, 'ADMIN', archive[file]!, file);
      expect(suggested).toBe(entity);
      await f.clients.ADMIN.ok(START, { id: gid, settings: { entity, columns, dedupeMode: 'SKIP' } });
      await runDueJobs(app);
      expect((await f.clients.ADMIN.ok(READ, { id: gid })).node).toMatchObject({ status: 'DONE', createdCount: rows, failedCount: 0 });
    }

    const pick = <T extends Record<string, unknown>>(rows: T[], fields: readonly string[]) =>
      rows.map((row) => Object.fromEntries(fields.map((field) => [field, row[field]]))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const contactsIn = async (workspaceId: string) => pick(await app.prisma.contact.findMany({ where: { workspaceId } }), KITH_CONTACT_FIELDS);
    const companiesIn = async (workspaceId: string) => pick(await app.prisma.company.findMany({ where: { workspaceId } }), KITH_COMPANY_FIELDS);
    expect(await contactsIn(w)).toHaveLength(3);
    expect(await contactsIn(fresh.id)).toEqual(await contactsIn(w));
    expect(await companiesIn(fresh.id)).toEqual(await companiesIn(w));
    expect((await contactsIn(fresh.id)).map((c) => c.firstName)).toContain('-Grace');
  });
});
