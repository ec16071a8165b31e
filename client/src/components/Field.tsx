import { For, splitProps, type Component, type JSX } from 'solid-js';
import { humanize } from '../lib/format';

type FieldProps = JSX.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string };

let nextId = 0;

/** A labelled input; the hint is tied to it with aria-describedby. */
export const Field: Component<FieldProps> = (props) => {
  const [own, input] = splitProps(props, ['label', 'hint']);
  const id = input.id ?? `field-${++nextId}`;
  return (
    <div class="field">
      <label for={id}>{own.label}</label>
      <input id={id} aria-describedby={own.hint ? `${id}-hint` : undefined} {...input} />
      {own.hint && (
        <small id={`${id}-hint`} class="hint">
          {own.hint}
        </small>
      )}
    </div>
  );
};

/** The account's current password, required (sign-in and confirmations); the browser may fill it. */
export const PasswordField: Component<FieldProps> = (props) => <Field type="password" autocomplete="current-password" required {...props} />;

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  /** Offer "Any" (the empty value) first. */
  any?: boolean;
  /** Label and select side by side, as in a toolbar. */
  inline?: boolean;
  onChange: (value: string) => void;
}

/** A labelled select. */
export const SelectField: Component<SelectProps> = (props) => (
  <div class="field" classList={{ inline: props.inline }}>
    <label for={props.id}>{props.label}</label>
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      {props.any && <option value="">Any</option>}
      <For each={props.options}>{([value, label]) => <option value={value}>{label}</option>}</For>
    </select>
  </div>
);

/** An enum's values as options, labelled in words. */
export const humanized = (values: readonly string[]) => values.map((v) => [v, humanize(v)] as const);
