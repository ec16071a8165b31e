import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';

const getApp = useTestApp();
const UPDATE = `mutation($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }`;
const DELETE = `mutation($ids: [ID!]!) { bulkDeleteRecords(ids: $ids) { count } }`;

async function contacts(app: TestApp, f: RolesFixture, count: number, ownerId = f.users.MEMBER.id) {
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    rows.push(await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: `C${i}`, ownerId, createdById: ownerId } }));
  }
  return rows;
}
const gids = (rows: { id: string }[], typename = 'Contact') => rows.map((r) => globalId(typename, r.id));

describe('bulk changes', () => {
  it('changes owner and tags of many contacts at once', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = await contacts(app, f, 3);
    const [keep, drop] = await Promise.all([
      app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'keep' } }),
      app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'drop' } }),
    ]);
    await app.prisma.contact.update({ where: { id: rows[0]!.id }, data: { tags: { connect: { id: drop.id } } } });
    const data = await f.clients.MEMBER.ok(UPDATE, {
      ids: gids(rows),
      input: { ownerId: globalId('User', f.users.ADMIN.id), addTagIds: [globalId('Tag', keep.id)], removeTagIds: [globalId('Tag', drop.id)] },
    });
    expect(data.bulkUpdateRecords.count).toBe(3);
    const after = await app.prisma.contact.findMany({ include: { tags: true } });
    expect(after.every((c) => c.ownerId === f.users.ADMIN.id)).toBe(true);
    expect(after.map((c) => c.tags.map((t) => t.name))).toEqual([['keep'], ['keep'], ['keep']]);
  });

  it('refuses more than 100 records per call', async () => {
    const f = await rolesFixture(getApp());
    const ids = Array.from({ length: 101 }, () => globalId('Contact', crypto.randomUUID()));
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { ids }))).toEqual(['BAD_USER_INPUT']);
  });

  it('changes nothing when one record is from another workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = await contacts(app, f, 2);
    const other = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
    const foreign = await app.prisma.contact.create({ data: { workspaceId: other.workspaceId, firstName: 'Eve' } });
    const result = await f.clients.MEMBER.gql(DELETE, { ids: [...gids(rows), globalId('Contact', foreign.id)] });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(await app.prisma.contact.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it('deletes all or nothing: a member cannot trash a selection holding someone else’s record', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const mine = await contacts(app, f, 2);
    const admins = await contacts(app, f, 1, f.users.ADMIN.id);
    expect(errorCodes(await f.clients.MEMBER.gql(DELETE, { ids: gids([...mine, ...admins]) }))).toEqual(['FORBIDDEN']);
    expect(await app.prisma.contact.count({ where: { deletedAt: { not: null } } })).toBe(0);
    expect((await f.clients.MEMBER.ok(DELETE, { ids: gids(mine) })).bulkDeleteRecords.count).toBe(2);
    expect(await app.prisma.contact.count({ where: { deletedAt: { not: null } } })).toBe(2);
  });

  it('moves deals to a stage, records each move and derives the won status', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const pipeline = await app.prisma.pipeline.create({
      data: {
        workspaceId: f.workspaceId,
        name: 'Sales',
        stages: {
          create: [
            { workspaceId: f.workspaceId, name: 'Lead', position: 0 },
            { workspaceId: f.workspaceId, name: 'Won', position: 1, isWon: true },
          ],
        },
      },
      include: { stages: { orderBy: { position: 'asc' } } },
    });
    const [lead, won] = pipeline.stages;
    const deals = await Promise.all(
      ['A', 'B'].map((name) => app.prisma.deal.create({ data: { workspaceId: f.workspaceId, name, pipelineId: pipeline.id, stageId: lead!.id } })),
    );
    await f.clients.MEMBER.ok(UPDATE, { ids: gids(deals, 'Deal'), input: { stageId: globalId('PipelineStage', won!.id) } });
    const after = await app.prisma.deal.findMany();
    expect(after.map((d) => [d.stageId, d.status])).toEqual([
      [won!.id, 'WON'],
      [won!.id, 'WON'],
    ]);
    expect(after.every((d) => d.closedAt instanceof Date)).toBe(true);
    const changes = await app.prisma.dealStageChange.findMany({ where: { toStageId: won!.id }, select: { fromStageName: true, toStageName: true } });
    expect(changes).toEqual([
      { fromStageName: 'Lead', toStageName: 'Won' },
      { fromStageName: 'Lead', toStageName: 'Won' },
    ]);
  });

  it('refuses a stage for contacts', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const rows = await contacts(app, f, 1);
    const result = await f.clients.MEMBER.gql(UPDATE, { ids: gids(rows), input: { stageId: globalId('PipelineStage', crypto.randomUUID()) } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
