import { createSignal, Show, type Component, type JSX } from 'solid-js';
import { InlineError } from './States';

interface Props {
  label: string;
  value: string | null | undefined;
  /** Shown instead of the raw value when not editing. */
  display?: JSX.Element;
  canEdit: boolean;
  type?: 'text' | 'email' | 'date' | 'select';
  options?: { value: string; label: string }[];
  /** Resolves to an error message, or null when saved. */
  onSave: (value: string) => Promise<string | null>;
}

let nextId = 0;

/** A field of a record shown as text, edited in place: Enter or Save keeps it, Escape or Cancel drops it. */
export const InlineField: Component<Props> = (props) => {
  const id = `inline-${++nextId}`;
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;

  const start = () => {
    setDraft(props.value ?? '');
    setError(null);
    setEditing(true);
  };
  const stop = () => {
    setEditing(false);
    queueMicrotask(() => editButton?.focus());
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    const failure = await props.onSave(draft());
    setSaving(false);
    if (failure) setError(failure);
    else stop();
  };
  const control = (): JSX.Element =>
    props.type === 'select' ? (
      <select id={id} value={draft()} onChange={(e) => setDraft(e.currentTarget.value)}>
        {props.options?.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        type={props.type ?? 'text'}
        value={draft()}
        onInput={(e) => setDraft(e.currentTarget.value)}
        ref={(el) => queueMicrotask(() => el.focus())}
      />
    );

  return (
    <div class="inline-field">
      <Show
        when={editing()}
        fallback={
          <>
            <span class="label" id={`${id}-label`}>
              {props.label}
            </span>
            <span class="value" aria-labelledby={`${id}-label`}>
              {props.display ?? (props.value || <span class="muted">—</span>)}
            </span>
            <Show when={props.canEdit}>
              <button type="button" class="link-button edit" ref={editButton} onClick={start} aria-label={`Edit ${props.label.toLowerCase()}`}>
                Edit
              </button>
            </Show>
          </>
        }
      >
        <form class="inline-form" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && stop()}>
          <label for={id} class="label">
            {props.label}
          </label>
          {control()}
          <button type="submit" class="primary" disabled={saving()}>
            Save
          </button>
          <button type="button" onClick={stop}>
            Cancel
          </button>
          <InlineError message={error()} />
        </form>
      </Show>
    </div>
  );
};
