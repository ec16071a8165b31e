import { splitProps, type Component, type JSX } from 'solid-js';

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
