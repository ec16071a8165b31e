import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field, humanized, SelectField } from '../../components/Field';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { ACTIONS, SettingsTable } from '../../components/settings/SettingsTable';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { rolesUpTo } from '../../lib/enums';
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

const Members: Component = () => {
  const session = useSession();
  const [result, refetch] = createQuery({ query: MembersQuery });
  const [invite, sendInvite] = createMutation(Invite);
  const [change, changeRole] = createMutation(ChangeRole);
  const [removal, removeMember] = createMutation(Remove);
  const [revocation, revoke] = createMutation(Revoke);
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('MEMBER');
  const reload = () => refetch();
  const myRole = () => result.data?.workspace.viewerRole ?? 'VIEWER';
  const assignable = () => rolesUpTo(myRole());
  const canManage = (memberRole: Role) => session.can('members:manage') && assignable().includes(memberRole);
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
            <SettingsTable label="Members" headings={['Name', 'Role', { label: 'Joined', class: 'wide' }, ACTIONS]} rows={workspace().members}>
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
                        onChange={(e) => void changeRole({ memberId: member.id, role: e.currentTarget.value as Role })}
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
                        onConfirm={() => void removeMember({ memberId: member.id })}
                      />
                    </Show>
                  </td>
                </tr>
              )}
            </SettingsTable>

            <h3>Invitations</h3>
            <Show when={workspace().invitations.length > 0} fallback={<EmptyState title="No pending invitations." />}>
              <ul class="plain-list">
                <For each={workspace().invitations}>
                  {(invitation) => (
                    <li>
                      {invitation.email} · {humanize(invitation.role)} · until {formatDate(invitation.expiresAt)}{' '}
                      <Show when={session.can('invitations:manage')}>
                        <button type="button" class="link-button" onClick={() => void revoke({ invitationId: invitation.id })}>
                          Revoke<span class="visually-hidden"> the invitation of {invitation.email}</span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>

            <Show when={session.can('invitations:manage')}>
              <SettingsForm
                heading="Invite someone"
                label="Invite a member"
                submit="Send invitation"
                state={invite}
                onSubmit={async () => {
                  const sent = await sendInvite({ email: email(), role: role() });
                  if (sent.error) return;
                  setEmail('');
                }}
              >
                <Field label="Email to invite" type="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
                <SelectField id="invite-role" label="Role" value={role()} options={humanized(assignable())} onChange={(r) => setRole(r as Role)} />
              </SettingsForm>
            </Show>
          </>
        )}
      </Show>
    </SettingsFrame>
  );
};

export default Members;
