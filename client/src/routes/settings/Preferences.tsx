import { createMutation } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import type { PreferencesInput, Theme } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { latestSave } from '../../lib/latest-save';
import { useSession } from '../../lib/session';
import { applyDisplay, type DisplayPreferences } from '../../lib/theme';

const UpdatePreferences = graphql(`
  mutation UpdatePreferences($input: PreferencesInput!) {
    updatePreferences(input: $input) { id preferences { theme fontFamily fontSize } }
  }
`);

const THEMES: { value: Theme; label: string }[] = [
  { value: 'SYSTEM', label: 'Match the system' },
  { value: 'LIGHT', label: 'Light' },
  { value: 'DARK', label: 'Dark' },
];
const FONTS = [
  ['system', 'System'],
  ['sans', 'Sans-serif'],
  ['serif', 'Serif'],
  ['mono', 'Monospace'],
  ['dyslexic', 'Dyslexia-friendly'],
] as const;

/** Applied on the page at once, then saved to the account so every device follows. */
const Preferences: Component = () => {
  const session = useSession();
  const [state, update] = createMutation(UpdatePreferences);
  // What the person chose on this page, not the account's last answer: a refetch of `me` still in flight when a
  // second choice is made carries the first one's old values and would undo it.
  const saved = session.me()?.preferences;
  const [current, setCurrent] = createSignal<DisplayPreferences>(
    saved ? { theme: saved.theme, fontFamily: saved.fontFamily, fontSize: saved.fontSize } : { theme: 'SYSTEM', fontFamily: 'system', fontSize: 16 },
  );
  // The whole set is saved each time, so the last save to land is the page's state.
  const save = latestSave((input: PreferencesInput) => update({ input }));
  const change = (input: PreferencesInput) => {
    const next = { ...current(), ...(input as Partial<DisplayPreferences>) };
    setCurrent(next);
    applyDisplay(next);
    void save({ theme: next.theme, fontFamily: next.fontFamily, fontSize: next.fontSize });
  };
  return (
    <SettingsFrame title="Preferences">
      <div class="stack narrow">
        <fieldset>
          <legend>Theme</legend>
          <For each={THEMES}>
            {(theme) => (
              <label class="check">
                <input
                  type="radio"
                  name="theme"
                  value={theme.value}
                  checked={current().theme === theme.value}
                  onChange={() => change({ theme: theme.value })}
                />
                {theme.label}
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="pref-font">Font</label>
          <select id="pref-font" value={current().fontFamily} onChange={(e) => change({ fontFamily: e.currentTarget.value })}>
            <For each={FONTS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="pref-size">Text size ({current().fontSize}px)</label>
          <input
            id="pref-size"
            type="range"
            min="12"
            max="22"
            value={current().fontSize}
            onChange={(e) => change({ fontSize: Number(e.currentTarget.value) })}
          />
        </div>
        <ErrorNotice message={errorMessage(state.error)} />
        <Show when={state.data && !state.error}>
          <p role="status" class="muted">
            Saved to your account.
          </p>
        </Show>
      </div>
    </SettingsFrame>
  );
};

export default Preferences;
