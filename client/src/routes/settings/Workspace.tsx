import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { SettingsFrame } from '../../components/SettingsNav';
import { AiSettings } from '../../components/ai/AiSettings';
import { ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';

const WorkspaceSettingsQuery = graphql(`
  query WorkspaceSettings { workspace { id name defaultPhoneCountry } }
`);
const Rename = graphql(`
  mutation RenameWorkspace($name: String!) { renameWorkspace(name: $name) { id name } }
`);
const SetPhoneCountry = graphql(`
  mutation SetWorkspacePhoneCountry($country: String) { setWorkspacePhoneCountry(country: $country) { id defaultPhoneCountry } }
`);

const countryNames = new Intl.DisplayNames(undefined, { type: 'region' });
const countryName = (code: string) => {
  try {
    return /^[A-Za-z]{2}$/.test(code) ? countryNames.of(code.toUpperCase()) : undefined;
  } catch {
    return undefined;
  }
};

const WorkspaceSettings: Component = () => {
  const session = useSession();
  const [result] = createQuery({ query: WorkspaceSettingsQuery });
  const [renaming, rename] = createMutation(Rename);
  const [setting, setCountry] = createMutation(SetPhoneCountry);
  const [name, setName] = createSignal('');
  const [country, setCountryText] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  createEffect(() => {
    const workspace = result.data?.workspace;
    if (!workspace) return;
    setName(workspace.name);
    setCountryText(workspace.defaultPhoneCountry ?? '');
  });

  return (
    <SettingsFrame title="Workspace">
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} />
      <Show when={result.data?.workspace}>
        <form
          class="stack narrow"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaved(false);
            const code = country().trim();
            const renamed = session.can('workspace:rename') ? await rename({ name: name() }) : null;
            const changed = await setCountry({ country: code ? code : null });
            setSaved(!renamed?.error && !changed.error);
          }}
        >
          <Field label="Workspace name" required disabled={!session.can('workspace:rename')} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <Field
            label="Default phone country"
            hint={`Phone numbers written without a +code are read as this country's (two letters, e.g. US, GB, DE)${countryName(country()) ? `: ${countryName(country())}` : ''}. Leave empty to require the +code.`}
            maxLength={2}
            autocomplete="off"
            value={country()}
            onInput={(e) => setCountryText(e.currentTarget.value)}
          />
          <ErrorNotice message={errorMessage(renaming.error) ?? errorMessage(setting.error)} />
          <Show when={saved()}>
            <p role="status">Saved.</p>
          </Show>
          <button type="submit" class="primary" disabled={renaming.fetching || setting.fetching}>
            Save workspace settings
          </button>
        </form>
      </Show>
      <AiSettings />
    </SettingsFrame>
  );
};

export default WorkspaceSettings;
