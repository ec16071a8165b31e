import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const ME_WITH_MEMBERS = `{ me { workspaces { name members { role user { name } } } } }`;

async function addMembers(workspaceId: string, count: number) {
  const app = getApp();
  for (let i = 0; i < count; i += 1) {
    const user = await app.prisma.user.create({
      data: { name: `Colleague ${i}`, email: `colleague${i}@example.com`, passwordHash: 'x', ageConfirmedAt: new Date() },
    });
    await app.prisma.membership.create({ data: { workspaceId, userId: user.id, role: 'MEMBER' } });
  }
}

describe('me { workspaces { members { user { name } role } } }', () => {
  it('runs a constant number of SQL statements whatever the member count', async () => {
    const app = getApp();
    const fixture = await rolesFixture(app);
    const owner = fixture.clients.OWNER;

    const small = await app.countSql(() => owner.ok(ME_WITH_MEMBERS));
    expect(small.result.me.workspaces[0].members).toHaveLength(4);

    await addMembers(fixture.workspaceId, 40);
    const large = await app.countSql(() => owner.ok(ME_WITH_MEMBERS));
    expect(large.result.me.workspaces[0].members).toHaveLength(44);

    expect(small.statements.length).toBeGreaterThan(0);
    expect(large.statements.length).toBe(small.statements.length);
    // session + user, me, one query per relation level, the viewer's roles, one co-member batch
    expect(large.statements.length).toBeLessThanOrEqual(9);
  });
});
