import type { ParentComponent } from 'solid-js';
import { ErrorNotice } from '../States';

interface Props {
  heading: string;
  /** The heading's id (unique on the page): the heading names the form unless it has a `label`. */
  id?: string;
  label?: string;
  submit: string;
  busy: boolean;
  error?: string | null;
  onSubmit: (event: SubmitEvent & { currentTarget: HTMLFormElement }) => void;
}

/** A settings screen's form to add something: heading, fields, the mutation's error, the submit button. */
export const SettingsForm: ParentComponent<Props> = (props) => (
  <form
    class="stack narrow"
    aria-labelledby={props.label ? undefined : props.id}
    aria-label={props.label}
    onSubmit={(event) => {
      event.preventDefault();
      props.onSubmit(event);
    }}
  >
    <h3 id={props.id}>{props.heading}</h3>
    {props.children}
    <ErrorNotice message={props.error} />
    <button type="submit" class="primary" disabled={props.busy}>
      {props.submit}
    </button>
  </form>
);
