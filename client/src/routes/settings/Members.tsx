import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { ROLES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { ConfirmButton } from './parts';

const MembersQuery = graphql(`
  query WorkspaceMembers {
    workspace {
      id name viewerRole
      members { id role joinedAt user { id name email } }
      invitations { id email role status expiresAt }
    }
  }
`);

const Invite = graphql(`
  mutation InviteMember($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id email role status expiresAt } }
`);
const ChangeRole = graphql(`
  mutation ChangeMemberRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { id role } }
`);
const Remove = graphql(`
  mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) }
`);
const Revoke = graphql(`
  mutation RevokeInvitation($invitationId: ID!) { revokeInvitation(invitationId: $invitationId) { id status } }
`);

/** The same rule as the server's permission table: you manage and hand out roles up to your own. */
const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);

const Members: Component = () => {
  const session = useSession();
  const [result, refetch] = createQuery({ query: MembersQuery });
  const [invite, sendInvite] = createMutation(Invite);
  const [change, changeRole] = createMutation(ChangeRole);
  const [removal, removeMember] = createMutation(Remove);
  const [revocation, revoke] = createMutation(Revoke);
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('MEMBER');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const myRole = () => result.data?.workspace.viewerRole ?? 'VIEWER';
  const assignable = () => ROLES.filter((r) => rank(r) <= rank(myRole()));
  const canManage = (memberRole: Role) => session.can('members:manage') && rank(memberRole) <= rank(myRole());
  const actionError = () => errorMessage(change.error) ?? errorMessage(removal.error) ?? errorMessage(revocation.error);

  return (
    <SettingsFrame title={`Members of ${session.workspace()?.name ?? 'this workspace'}`}>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={reload} />
      <ErrorNotice message={actionError()} />
      <Show when={result.data?.workspace}>
        {(workspace) => (
          <>
            <table class="members">
              <caption class="visually-hidden">Members</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col" class="wide">
                    Joined
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={workspace().members}>
                  {(member) => (
                    <tr>
                      <td>
                        {member.user.name}
                        <br />
                        <span class="muted">{member.user.email}</span>
                      </td>
                      <td>
                        <Show when={canManage(member.role) && member.user.id !== session.me()?.id} fallback={humanize(member.role)}>
                          <label class="visually-hidden" for={`role-${member.id}`}>
                            Role of {member.user.name}
                          </label>
                          <select
                            id={`role-${member.id}`}
                            value={member.role}
                            onChange={(e) => void changeRole({ memberId: member.id, role: e.currentTarget.value as Role }).then(reload)}
                          >
                            <For each={assignable()}>{(r) => <option value={r}>{humanize(r)}</option>}</For>
                          </select>
                        </Show>
                      </td>
                      <td class="wide">{formatDate(member.joinedAt)}</td>
                      <td>
                        <Show when={canManage(member.role) && member.user.id !== session.me()?.id}>
                          <ConfirmButton
                            label="Remove"
                            hiddenSuffix={member.user.name}
                            question={`Remove ${member.user.name} from ${workspace().name}? They lose access at once.`}
                            confirmLabel="Remove member"
                            busy={removal.fetching}
                            onConfirm={() => void removeMember({ memberId: member.id }).then(reload)}
                          />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>

            <h3>Invitations</h3>
            <Show when={workspace().invitations.length > 0} fallback={<EmptyState title="No pending invitations." />}>
              <ul class="plain-list">
                <For each={workspace().invitations}>
                  {(invitation) => (
                    <li>
                      {invitation.email} · {humanize(invitation.role)} · until {formatDate(invitation.expiresAt)}{' '}
                      <Show when={session.can('invitations:manage')}>
                        <button type="button" class="link-button" onClick={() => void revoke({ invitationId: invitation.id }).then(reload)}>
                          Revoke<span class="visually-hidden"> the invitation of {invitation.email}</span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>

            <Show when={session.can('invitations:manage')}>
              <form
                class="stack narrow"
                aria-label="Invite a member"
                onSubmit={async (event) => {
                  event.preventDefault();
                  const sent = await sendInvite({ email: email(), role: role() });
                  if (sent.error) return;
                  setEmail('');
                  reload();
                }}
              >
                <h3>Invite someone</h3>
                <Field label="Email to invite" type="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
                <div class="field">
                  <label for="invite-role">Role</label>
                  <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                    <For each={assignable()}>{(r) => <option value={r}>{humanize(r)}</option>}</For>
                  </select>
                </div>
                <ErrorNotice message={errorMessage(invite.error)} />
                <button type="submit" class="primary" disabled={invite.fetching}>
                  Send invitation
                </button>
              </form>
            </Show>
          </>
        )}
      </Show>
    </SettingsFrame>
  );
};

export default Members;
