import { describe, expect, it } from 'vitest';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { rolesFixture } from '../../test/fixtures.js';
import { graceIn, importAndRun, READ } from './imports.test-helpers.js';

const getApp = useTestApp();
const UNDO = `mutation($id: ID!) { undoImport(id: $id) { status undoneAt } }`;

async function importedWorkspace() {
  const app = getApp();
  const f = await rolesFixture(app);
  const vip = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'vip' } });
  const grace = await graceIn(app, f, { jobTitle: 'Rear Admiral', tags: { connect: { id: vip.id } } });
  const csv = [
    'First Name,Last Name,Email,Other Email,Job Title,Company,Tags,Notes',
    'Grace,Brewster,grace@navy.example,grace@yale.example,Professor,,"vip, cobol",Keynote speaker',
    'Ada,Lovelace,ada@example.com,,,Analytical Engines,,',
  ].join('\n');
  const { row, gid } = await importAndRun(app, f, csv, { entity: 'CONTACT', dedupeMode: 'UPDATE' });
  return { app, f, grace, vip, row, gid };
}

describe('undo of an import', () => {
  it('trashes what it created and gives updated records their previous values back', async () => {
    const { app, f, grace, vip, row, gid } = await importedWorkspace();
    const imported = await app.prisma.contact.findUniqueOrThrow({ where: { id: grace.id }, include: { emails: true, tags: true, notes: true } });
    expect([imported.lastName, imported.jobTitle, imported.emails.length, imported.tags.length, imported.notes.length]).toEqual([
      'Brewster',
      'Professor',
      2,
      2,
      1,
    ]);

    const { undoImport } = await f.clients.MEMBER.ok(UNDO, { id: gid });
    expect(undoImport.status).toBe('UNDONE');
    const restored = await app.prisma.contact.findUniqueOrThrow({
      where: { id: grace.id },
      include: { emails: true, tags: true, notes: { where: { deletedAt: null } } },
    });
    expect([restored.lastName, restored.jobTitle, restored.deletedAt]).toEqual(['Hopper', 'Rear Admiral', null]);
    expect(restored.emails.map((e) => e.email)).toEqual(['grace@navy.example']);
    expect(restored.tags.map((t) => t.id)).toEqual([vip.id]);
    expect(restored.notes).toEqual([]);
    const ada = await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Ada' }, include: { company: true } });
    expect(ada.deletedAt).not.toBeNull();
    expect(ada.company?.deletedAt).not.toBeNull();
    // The tag the import made stays (tags are shared vocabulary), linked to nothing.
    expect(await app.prisma.tag.findFirst({ where: { name: 'cobol' }, include: { contacts: { where: { deletedAt: null } } } })).toMatchObject({ contacts: [] });
    const events = await app.prisma.activityEvent.findMany({ where: { entityType: 'Import' }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.verb)).toEqual(['queued', 'started', 'completed', 'undone']);
    expect(await app.prisma.auditLogEntry.count({ where: { action: 'import.undone', targetId: row.id } })).toBe(1);
    expect(errorCodes(await f.clients.MEMBER.gql(UNDO, { id: gid }))).toEqual(['CONFLICT']);
  });

  it('is refused, changing nothing, when an imported record was edited since', async () => {
    const { app, f, grace, gid } = await importedWorkspace();
    await f.clients.MEMBER.ok(`mutation($id: ID!) { updateContact(id: $id, input: { jobTitle: "Admiral" }) { id } }`, {
      id: `${Buffer.from(`Contact:${grace.id}`).toString('base64')}`,
    });
    const refused = await f.clients.MEMBER.gql(UNDO, { id: gid });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.message).toMatch(/1 of the imported records was edited since/);
    expect((await f.clients.MEMBER.ok(READ, { id: gid })).node.status).toBe('DONE');
    expect(await app.prisma.contact.count({ where: { deletedAt: { not: null } } })).toBe(0);
    expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: grace.id } })).lastName).toBe('Brewster');
  });

  it('is for the importer and admins only', async () => {
    const { app, f, gid } = await importedWorkspace();
    const other = await app.prisma.user.create({ data: { name: 'Other Member', email: 'other@example.com', passwordHash: 'x', ageConfirmedAt: new Date() } });
    await app.prisma.membership.create({ data: { workspaceId: f.workspaceId, userId: other.id, role: 'MEMBER' } });
    const session = await app.services.auth.createSession(other.id, { ipAddress: null, userAgent: null });
    const client = app.client();
    client.cookie = `kith_session=${session.id}`;
    client.workspaceId = f.workspaceGid;
    expect(errorCodes(await client.gql(UNDO, { id: gid }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await client.gql(READ, { id: gid }))).toEqual(['NOT_FOUND']);
    expect((await client.ok(`{ imports { edges { node { id } } } }`)).imports.edges).toEqual([]);
    expect((await f.clients.ADMIN.ok(UNDO, { id: gid })).undoImport.status).toBe('UNDONE');
  });
});
