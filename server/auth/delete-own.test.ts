// Deleting a record one owns or created, as each role and an API key: the role matrix deletes records of
// a member or owner, so only this shows whether a VIEWER may delete their own (they may not).
import { describe, expect, it } from 'vitest';
import type { Role } from '../generated/prisma/enums.js';
import { globalId, KEY_ROLES, rolesFixture, type Actor, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type TestApp } from '../test/test-app.js';
import { roleCan } from './permissions.js';

const getApp = useTestApp();

const DELETERS = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'MEMBER_KEY', 'VIEWER_KEY'] as const satisfies readonly Actor[];

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
    mutation: 'deleteContact', type: 'Contact',
    create: async (app, w, u) => (await app.prisma.contact.create({ data: { ...owned(w, u), firstName: 'Mine' } })).id,
    deletedAt: async (app, id) => (await app.prisma.contact.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteCompany', type: 'Company',
    create: async (app, w, u) => (await app.prisma.company.create({ data: { ...owned(w, u), name: 'Mine Inc' } })).id,
    deletedAt: async (app, id) => (await app.prisma.company.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteDeal', type: 'Deal',
    create: async (app, w, u) => {
      const pipeline = await app.prisma.pipeline.create({ data: { workspaceId: w, name: `Mine ${u}` } });
      const stage = await app.prisma.pipelineStage.create({ data: { workspaceId: w, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
      return (await app.prisma.deal.create({ data: { ...owned(w, u), name: 'Mine', pipelineId: pipeline.id, stageId: stage.id } })).id;
    },
    deletedAt: async (app, id) => (await app.prisma.deal.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteCommunication', type: 'Communication',
    create: async (app, w, u) =>
      (await app.prisma.communication.create({ data: { ...owned(w, u), kind: 'CALL', direction: 'OUTBOUND', occurredAt: new Date() } })).id,
    deletedAt: async (app, id) => (await app.prisma.communication.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteNote', type: 'Note',
    create: async (app, w, u) => (await app.prisma.note.create({ data: { workspaceId: w, body: 'Mine', createdById: u } })).id,
    deletedAt: async (app, id) => (await app.prisma.note.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
  {
    mutation: 'deleteActivity', type: 'Activity',
    create: async (app, w, u) => (await app.prisma.activity.create({ data: { workspaceId: w, type: 'TASK', subject: 'Mine', createdById: u } })).id,
    deletedAt: async (app, id) => (await app.prisma.activity.findUniqueOrThrow({ where: { id } })).deletedAt,
  },
];

const roleOf = (actor: (typeof DELETERS)[number]): Role => (actor in KEY_ROLES ? KEY_ROLES[actor as keyof typeof KEY_ROLES] : actor) as Role;

async function deleteOwn(app: TestApp, f: RolesFixture, kind: Kind, actor: (typeof DELETERS)[number]) {
  const id = await kind.create(app, f.workspaceId, f.users[actor].id);
  const result = await f.clients[actor].gql(`mutation($id: ID!) { ${kind.mutation}(id: $id) { id } }`, { id: globalId(kind.type, id) });
  return { outcome: result.errors?.length ? String(result.errors[0]?.extensions?.code) : 'ok', deleted: (await kind.deletedAt(app, id)) != null };
}

describe('deleting one\'s own record', () => {
  it.each(DELETERS)('as %s: allowed exactly when the role may delete its own records', async (actor) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const allowed = roleCan(roleOf(actor), 'records:deleteOwn');
    for (const kind of KINDS) {
      expect({ kind: kind.mutation, ...(await deleteOwn(app, f, kind, actor)) }).toEqual({
        kind: kind.mutation,
        outcome: allowed ? 'ok' : 'FORBIDDEN',
        deleted: allowed,
      });
    }
  });
});
