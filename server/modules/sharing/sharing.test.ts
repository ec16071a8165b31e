import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

async function privateCompanyOf(f: RolesFixture, actor: 'MEMBER' | 'ADMIN' = 'MEMBER') {
  const data = await f.clients[actor].ok(`mutation { createCompany(input: { name: "Quiet Co", visibility: PRIVATE }) { id } }`);
  return data.createCompany.id as string;
}

const visibleNames = async (f: RolesFixture, actor: 'VIEWER' | 'MEMBER') =>
  (await f.clients[actor].ok(`{ companies { edges { node { name } } } }`)).companies.edges.map((e: { node: { name: string } }) => e.node.name);

describe('sharing private records', () => {
  it('shares with a member, then unshares', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const id = await privateCompanyOf(f);
    expect(await visibleNames(f, 'VIEWER')).toEqual([]);

    const shares = await f.clients.MEMBER.ok(`mutation($id: ID!, $u: [ID!]) { shareRecord(recordId: $id, userIds: $u) { id user { name } } }`, {
      id,
      u: [globalId('User', f.users.VIEWER.id)],
    });
    expect(shares.shareRecord.map((s: { user: { name: string } }) => s.user.name)).toEqual(['Viewer Person']);
    app.rebuild();
    expect(await visibleNames(f, 'VIEWER')).toEqual(['Quiet Co']);

    await f.clients.MEMBER.ok(`mutation($id: ID!, $s: ID!) { unshareRecord(recordId: $id, shareId: $s) }`, { id, s: shares.shareRecord[0].id });
    expect(await visibleNames(f, 'VIEWER')).toEqual([]);
  });

  it('shares with a team: its members see the record', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const id = await privateCompanyOf(f, 'ADMIN');
    const team = await f.clients.ADMIN.ok(`mutation($m: [ID!]) { createTeam(name: "Readers", memberIds: $m) { id members { name } } }`, {
      m: [globalId('User', f.users.MEMBER.id)],
    });
    expect(team.createTeam.members).toEqual([{ name: 'Member Person' }]);
    expect(await visibleNames(f, 'MEMBER')).toEqual([]);
    await f.clients.ADMIN.ok(`mutation($id: ID!, $t: [ID!]) { shareRecord(recordId: $id, teamIds: $t) { id } }`, { id, t: [team.createTeam.id] });
    expect(await visibleNames(f, 'MEMBER')).toEqual(['Quiet Co']);
  });

  it('refuses sharing by someone who neither owns the record nor is an admin', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const data = await f.clients.ADMIN.ok(`mutation { createCompany(input: { name: "Open Co" }) { id } }`);
    const result = await f.clients.MEMBER.gql(`mutation($id: ID!, $u: [ID!]) { shareRecord(recordId: $id, userIds: $u) { id } }`, {
      id: data.createCompany.id,
      u: [globalId('User', f.users.VIEWER.id)],
    });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await app.prisma.recordShare.count()).toBe(0);
  });

  it('refuses sharing with someone outside the workspace, and writes nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const id = await privateCompanyOf(f);
    const result = await f.clients.MEMBER.gql(`mutation($id: ID!, $u: [ID!]) { shareRecord(recordId: $id, userIds: $u) { id } }`, {
      id,
      u: [globalId('User', f.users.VIEWER.id), globalId('User', f.users.OUTSIDER.id)],
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.recordShare.count()).toBe(0);
  });

  it('lets an admin switch the workspace to OWN_AND_SHARED', async () => {
    const f = await rolesFixture(getApp());
    await f.clients.ADMIN.ok(`mutation { createCompany(input: { name: "Team Co" }) { id } }`);
    expect(await visibleNames(f, 'MEMBER')).toEqual(['Team Co']);
    const policy = await f.clients.ADMIN.ok(`mutation { setRecordPolicy(policy: OWN_AND_SHARED) { recordPolicy } }`);
    expect(policy.setRecordPolicy.recordPolicy).toBe('OWN_AND_SHARED');
    expect(await visibleNames(f, 'MEMBER')).toEqual([]);
  });

  it('refuses team members from another workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const result = await f.clients.ADMIN.gql(`mutation($m: [ID!]) { createTeam(name: "Mixed", memberIds: $m) { id } }`, {
      m: [globalId('User', f.users.OUTSIDER.id)],
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.team.count()).toBe(0);
  });
});
