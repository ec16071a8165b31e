import type { CombinedError } from '@urql/core';
import type { ParentComponent } from 'solid-js';
import { errorMessage } from '../../lib/errors';
import { ErrorNotice } from '../States';

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
      <ErrorNotice message={errorMessage(props.state.error)} />
      <button type="submit" class="primary" disabled={props.state.fetching || props.disabled}>
        {props.submit}
      </button>
    </form>
  );
};
