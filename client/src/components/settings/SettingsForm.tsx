import type { CombinedError } from '@urql/core';
import type { ParentComponent } from 'solid-js';
import { FormSubmit } from '../FormActions';

interface Props {
  /** Names the form, unless it has a `label`. */
  heading: string;
  label?: string;
  submit: string;
  /** The mutation the form sends: busy while it runs, its error shown above the button. */
  state: { fetching: boolean; error?: CombinedError };
  /** Disables the button for another reason too. */
  disabled?: boolean;
  onSubmit: (event: SubmitEvent & { currentTarget: HTMLFormElement }) => void;
}

/** A settings screen's form to add something: heading, fields, the mutation's error, the submit button. */
export const SettingsForm: ParentComponent<Props> = (props) => {
  const id = `form-${props.heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <form
      class="stack narrow"
      aria-labelledby={props.label ? undefined : id}
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(event);
      }}
    >
      <h3 id={id}>{props.heading}</h3>
      {props.children}
      <FormSubmit state={props.state} disabled={props.disabled}>
        {props.submit}
      </FormSubmit>
    </form>
  );
};
