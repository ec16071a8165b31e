// Deleting a record one owns or created, as each role and an API key: the role matrix deletes records of
// a member or owner, so only this shows whether a VIEWER may delete their own (they may not).
import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type Actor, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type TestApp } from '../test/test-app.js';

const getApp = useTestApp();

/** Written out, not read from permissions.ts: a change to the table must fail here. */
const MAY_DELETE_OWN = { OWNER: true, ADMIN: true, MEMBER: true, VIEWER: false, MEMBER_KEY: true, VIEWER_KEY: false } satisfies Partial<Record<Actor, boolean>>;
const DELETERS = Object.keys(MAY_DELETE_OWN) as Array<keyof typeof MAY_DELETE_OWN>;

interface Kind {
  mutation: string;
  type: string;
  /** A live row owned and created by the user, in the workspace. */
  create: (app: TestApp, workspaceId: string, userId: string) => Promise<string>;
  deletedAt: (app: TestApp, id: string) => Promise<Date | null>;
}

const owned = (workspaceId: string, userId: string) => ({ workspaceId, ownerId: userId, createdById: userId, visibility: 'PRIVATE' as const });

const KINDS: Kind[] = [
  {
    mutation: 'deleteContact',
    type: 'Contact',
    create: async (app, w, u) => (await app.prisma.contact.create({ data: { ...owned(w, u), firstName: 'Mine' } })).id,
    deletedAt: async (app, id) => (await app.prisma.contact.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteCompany',
    type: 'Company',
    create: async (app, w, u) => (await app.prisma.company.create({ data: { ...owned(w, u), name: 'Mine Inc' } })).id,
    deletedAt: async (app, id) => (await app.prisma.company.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteDeal',
    type: 'Deal',
    create: async (app, w, u) => {
      const pipeline = await app.prisma.pipeline.create({ data: { workspaceId: w, name: `Mine ${u}` } });
      const stage = await app.prisma.pipelineStage.create({ data: { workspaceId: w, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
      return (await app.prisma.deal.create({ data: { ...owned(w, u), name: 'Mine', pipelineId: pipeline.id, stageId: stage.id } })).id;
    },
    deletedAt: async (app, id) => (await app.prisma.deal.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteCommunication',
    type: 'Communication',
    create: async (app, w, u) =>
      (await app.prisma.communication.create({ data: { ...owned(w, u), kind: 'CALL', direction: 'OUTBOUND', occurredAt: new Date() } })).id,
    deletedAt: async (app, id) => (await app.prisma.communication.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteNote',
    type: 'Note',
    create: async (app, w, u) => (await app.prisma.note.create({ data: { workspaceId: w, body: 'Mine', createdById: u } })).id,
    deletedAt: async (app, id) => (await app.prisma.note.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteActivity',
    type: 'Activity',
    create: async (app, w, u) => (await app.prisma.activity.create({ data: { workspaceId: w, type: 'TASK', subject: 'Mine', createdById: u } })).id,
    deletedAt: async (app, id) => (await app.prisma.activity.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
];

async function deleteOwn(app: TestApp, f: RolesFixture, kind: Kind, actor: keyof typeof MAY_DELETE_OWN) {
  const id = await kind.create(app, f.workspaceId, f.users[actor].id);
  const result = await f.clients[actor].gql(`mutation($id: ID!) { ${kind.mutation}(id: $id) { id } }`, { id: globalId(kind.type, id) });
  return { outcome: result.errors?.length ? String(result.errors[0]?.extensions?.code) : 'ok', deleted: (await kind.deletedAt(app, id)) != null };
}

describe("deleting one's own record", () => {
  it.each(DELETERS)('as %s: allowed for every role but VIEWER', async (actor) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const allowed = MAY_DELETE_OWN[actor];
    for (const kind of KINDS) {
      expect({ kind: kind.mutation, ...(await deleteOwn(app, f, kind, actor)) }).toEqual({
        kind: kind.mutation,
        outcome: allowed ? 'ok' : 'FORBIDDEN',
        deleted: allowed,
      });
    }
  });
});
