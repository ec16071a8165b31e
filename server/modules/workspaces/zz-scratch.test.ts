import { it, expect } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
const getApp = useTestApp();
it('probe', async () => {
  const f = await rolesFixture(getApp());
  const inv = await f.clients.OWNER.ok(`mutation { inviteMember(email: "x@example.com", role: OWNER) { id } }`);
  const adminInv = await f.clients.ADMIN.ok(`mutation { inviteMember(email: "y@example.com", role: ADMIN) { id } }`);
  console.log(JSON.stringify(await f.clients.ADMIN.gql(`mutation($id: ID!) { resendInvitation(invitationId: $id) { id role } }`, { id: inv.inviteMember.id })));
  console.log(JSON.stringify(await f.clients.ADMIN.gql(`mutation($id: ID!) { revokeInvitation(invitationId: $id) { id role status } }`, { id: inv.inviteMember.id })));
  await f.clients.OWNER.ok(`mutation($id: ID!) { removeMember(memberId: $id) }`, { id: f.users.ADMIN.membershipGid });
  console.log(JSON.stringify(await f.clients.OWNER.gql(`{ workspace { invitations { email invitedBy { name } } } }`)));
  console.log(JSON.stringify(await f.clients.OWNER.gql(`{ workspace { viewerPermissions } }`)));
});
