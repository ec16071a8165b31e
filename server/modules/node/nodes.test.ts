import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Contact { firstName } } }`;

describe('nodes(ids)', () => {
  it('answers each ID on its own: a deleted, merged-away or hidden record is a null with NOT_FOUND at its index', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contact = (firstName: string, extra: object = {}) => app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, ...extra } });
    const kept = await contact('Kept');
    const gone = await contact('Gone');
    const trashed = await contact('Trashed', { deletedAt: new Date() });
    const hidden = await contact('Hidden', { visibility: 'PRIVATE', ownerId: f.users.ADMIN.id });
    await app.prisma.contact.delete({ where: { id: gone.id } });

    const result = await f.clients.VIEWER.gql(NODES, { ids: [kept, gone, trashed, hidden, kept].map((c) => globalId('Contact', c.id)) });
    expect(result.data).toEqual({
      nodes: [{ id: globalId('Contact', kept.id), firstName: 'Kept' }, null, null, null, { id: globalId('Contact', kept.id), firstName: 'Kept' }],
    });
    // A hidden record is refused by its type's scope, on its first field.
    expect(result.errors?.map((e) => [e.path?.slice(0, 2), e.extensions?.code])).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
      [['nodes', 2], 'NOT_FOUND'],
      [['nodes', 3], 'NOT_FOUND'],
    ]);
  });
});
