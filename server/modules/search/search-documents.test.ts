import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { writeWithDeferredSearch } from './search-documents.js';

const getApp = useTestApp();

const documents = (app: TestApp, ids: string[]) =>
  app.prisma.searchDocument.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, keys: true }, orderBy: { title: 'asc' } });

function contactRows(f: RolesFixture, count: number, tag: string) {
  return Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), workspaceId: f.workspaceId, firstName: `Bulk${i}`, lastName: tag }));
}

describe('search documents of bulk writes', () => {
  it('writes one document per row of a many-row statement, and rewrites contacts when a statement adds their emails', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = contactRows(f, 30, 'Statement');
    await app.prisma.contact.createMany({ data: rows });
    await app.prisma.contactEmail.createMany({ data: rows.map((r, i) => ({ workspaceId: f.workspaceId, contactId: r.id, email: `bulk${i}@statement.test` })) });
    const docs = await documents(
      app,
      rows.map((r) => r.id),
    );
    expect(docs).toHaveLength(30);
    expect(docs.find((d) => d.title === 'Bulk7 Statement')?.keys).toContain('email:bulk7@statement.test');

    await app.prisma.contact.updateMany({ where: { id: { in: rows.slice(0, 10).map((r) => r.id) } }, data: { lastName: 'Renamed' } });
    expect(
      (
        await documents(
          app,
          rows.map((r) => r.id),
        )
      ).filter((d) => d.title.endsWith('Renamed')),
    ).toHaveLength(10);

    await app.prisma.contactEmail.deleteMany({ where: { contactId: { in: rows.slice(0, 5).map((r) => r.id) } } });
    const after = await documents(
      app,
      rows.slice(0, 6).map((r) => r.id),
    );
    expect(after.filter((d) => d.keys.some((k) => k.startsWith('email:')))).toHaveLength(1);

    await app.prisma.contact.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(
      await documents(
        app,
        rows.map((r) => r.id),
      ),
    ).toEqual([]);
  });

  it('defers documents to the end of a bulk write, writes them once for what it names, and never defers a deletion', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const doomed = (await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Gone', lastName: 'Soon' } })).id;
    expect(await documents(app, [doomed])).toHaveLength(1);
    const rows = contactRows(f, 20, 'Deferred');
    const seenInside = await writeWithDeferredSearch(app.prisma, async (tx) => {
      await tx.contact.createMany({ data: rows });
      await tx.contactPhone.createMany({ data: rows.map((r, i) => ({ workspaceId: f.workspaceId, contactId: r.id, e164: `+1415555${String(1000 + i)}` })) });
      await tx.contact.delete({ where: { id: doomed } });
      const inside = await tx.searchDocument.count({ where: { id: { in: [...rows.map((r) => r.id), doomed] } } });
      return { result: inside, touched: { CONTACT: rows.map((r) => r.id) } };
    });
    expect(seenInside).toBe(0);
    const docs = await documents(app, [...rows.map((r) => r.id), doomed]);
    expect(docs).toHaveLength(20);
    expect(docs.every((d) => d.keys.some((k) => k.startsWith('phone:')))).toBe(true);

    // The setting ends with its transaction: the next write is indexed by the triggers again.
    const later = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'After', lastName: 'Bulk' } });
    expect(await documents(app, [later.id])).toHaveLength(1);
  });

  it('leaves nothing behind when a deferred bulk write fails', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = contactRows(f, 5, 'Failed');
    await expect(
      writeWithDeferredSearch(app.prisma, async (tx) => {
        await tx.contact.createMany({ data: rows });
        await tx.contactEmail.createMany({ data: [{ workspaceId: f.workspaceId, contactId: crypto.randomUUID(), email: 'orphan@failed.test' }] });
        return { result: undefined, touched: { CONTACT: rows.map((r) => r.id) } };
      }),
    ).rejects.toThrow();
    expect(await app.prisma.contact.count({ where: { lastName: 'Failed' } })).toBe(0);
    expect(
      await documents(
        app,
        rows.map((r) => r.id),
      ),
    ).toEqual([]);
  });
});
