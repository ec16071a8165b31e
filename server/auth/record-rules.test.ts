// The four forms of the record rules agree: on random workspaces, every caller sees the same records
// through the Prisma where, the single-record check, the live feed's check and the search SQL. A failing
// seed replays with KITH_ACCESS_SEED=<seed>.
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { FeedAccess } from '../modules/activity-events/feed-access.js';
import { useTestApp, type TestApp } from '../test/test-app.js';
import { canSeeRecord, recordAccess } from './record-access.js';
import { RECORD_MODELS, type RecordModel } from './record-rules.js';
import { recordSql } from './record-sql.js';
import { recordWhere } from './record-where.js';
import { randomWorkspaces, type World } from '../test/random-workspaces.js';

const getApp = useTestApp();

const SEEDS = process.env.KITH_ACCESS_SEED ? [Number(process.env.KITH_ACCESS_SEED)] : [1, 2, 3, 4, 5, 6];
const MODELS = Object.keys(RECORD_MODELS) as RecordModel[];

type IdFinder = { findMany: (args: { where: object; select: { id: true } }) => Promise<Array<{ id: string }>> };

async function viewerContext(app: TestApp, userId: string) {
  const user = await app.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return createContext(app.services, { ip: '', userAgent: null, workspaceHeader: null }, { user, session: null, apiKey: null }, () => {});
}

/** What one caller sees of one model in one workspace, by each form. */
async function seenBy(app: TestApp, world: World, userId: string, workspaceId: string, model: RecordModel) {
  const ids = world.ids[model].filter((row) => row.workspaceId === workspaceId).map((row) => row.id);
  const sorted = (list: string[]) => [...list].sort();
  const byWhere = async () => {
    const access = await recordAccess(await viewerContext(app, userId), workspaceId);
    const rows = await (app.prisma[model] as unknown as IdFinder).findMany({ where: recordWhere(model, access), select: { id: true } });
    return sorted(rows.map((r) => r.id));
  };
  const byCheck = async () => {
    const context = await viewerContext(app, userId);
    const seen = await Promise.all(ids.map((id) => canSeeRecord(context, { model, id, workspaceId })));
    return sorted(ids.filter((_, i) => seen[i]));
  };
  const byFeed = async () => {
    const feed = new FeedAccess(await viewerContext(app, userId), workspaceId, Infinity);
    const event = (id: string) => ({
      id: `e-${id}`,
      workspaceId,
      sequence: 1,
      actorUserId: null,
      actorApiKeyId: null,
      verb: 'updated',
      entityType: RECORD_MODELS[model].typename,
      entityId: id,
      changes: {},
      createdAt: new Date().toISOString(),
    });
    const seen = await Promise.all(ids.map((id) => feed.canSee(event(id))));
    return sorted(ids.filter((_, i) => seen[i]));
  };
  const bySql = async () => {
    const access = await recordAccess(await viewerContext(app, userId), workspaceId);
    const condition = recordSql(model, access, 'x', { userId: '$2::uuid', teamIds: '$3::uuid[]' });
    // The viewer's parameters are typed here too: the condition leaves them out for admins.
    const text = `SELECT x.id FROM "${RECORD_MODELS[model].table}" x WHERE x."workspaceId" = $1::uuid AND $2::uuid IS NOT NULL
      AND cardinality($3::uuid[]) >= 0 AND ${condition}`;
    const rows = await app.prisma.$queryRawUnsafe<Array<{ id: string }>>(text, workspaceId, access.userId, access.teamIds);
    return sorted(rows.map((r) => r.id));
  };
  return { ids, where: await byWhere(), check: await byCheck(), feed: await byFeed(), sql: await bySql() };
}

describe('record rules: the derived forms agree', () => {
  for (const seed of SEEDS) {
    it(`agree for every caller and record (seed ${seed})`, async () => {
      const app = getApp();
      const world = await randomWorkspaces(app, seed);
      let visibleSomewhere = 0;
      let hiddenSomewhere = 0;
      for (const { userId, workspaceId } of world.memberships) {
        for (const model of MODELS) {
          const seen = await seenBy(app, world, userId, workspaceId, model);
          const where = `seed ${seed}, ${model}, user ${userId} in ${workspaceId}`;
          expect(
            seen.where.every((id) => seen.ids.includes(id)),
            `tenant isolation: ${where}`,
          ).toBe(true);
          expect(seen.check, `single-record check: ${where}`).toEqual(seen.where);
          expect(seen.feed, `feed check: ${where}`).toEqual(seen.where);
          expect(seen.sql, `search SQL: ${where}`).toEqual(seen.where);
          visibleSomewhere += seen.where.length;
          hiddenSomewhere += seen.ids.length - seen.where.length;
        }
      }
      // The generator must reach both outcomes, or the agreement says little.
      expect(visibleSomewhere).toBeGreaterThan(0);
      expect(hiddenSomewhere).toBeGreaterThan(0);
    });
  }
});
