import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';

const UpdateProfile = graphql(`
  mutation UpdateProfile($name: String!) { updateProfile(name: $name) { id name } }
`);

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const Profile: Component = () => {
  const session = useSession();
  const [profile, updateProfile] = createMutation(UpdateProfile);
  const [password, changePassword] = createMutation(ChangePassword);
  const [name, setName] = createSignal(session.me()?.name ?? '');
  const [saved, setSaved] = createSignal(false);
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');

  return (
    <SettingsFrame title="Profile">
      <form
        class="stack narrow"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(false);
          const result = await updateProfile({ name: name() });
          setSaved(!result.error);
        }}
      >
        <Field label="Name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        <p class="muted">Email: {session.me()?.email}</p>
        <ErrorNotice message={errorMessage(profile.error)} />
        <Show when={saved()}>
          <p role="status">Saved.</p>
        </Show>
        <button type="submit" class="primary" disabled={profile.fetching}>
          Save profile
        </button>
      </form>
      <h3>Password</h3>
      <form
        class="stack narrow"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await changePassword({ currentPassword: current(), newPassword: next() });
          if (!result.error) {
            setCurrent('');
            setNext('');
          }
        }}
      >
        <Field
          label="Current password"
          type="password"
          autocomplete="current-password"
          required
          value={current()}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        <Field
          label="New password"
          type="password"
          autocomplete="new-password"
          minLength={10}
          required
          value={next()}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
        <ErrorNotice message={errorMessage(password.error)} />
        <Show when={password.data?.changePassword}>
          <p role="status">Password changed; your other devices are signed out.</p>
        </Show>
        <button type="submit" disabled={password.fetching}>
          Change password
        </button>
      </form>
    </SettingsFrame>
  );
};

export default Profile;
