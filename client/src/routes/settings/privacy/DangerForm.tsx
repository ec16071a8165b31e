import type { JSX, ParentComponent } from 'solid-js';
import { ErrorNotice } from '../../../components/States';

interface Props {
  /** The heading's id, which names the form. */
  id: string;
  heading: JSX.Element;
  /** What happens, under the heading. */
  explanation: string;
  submit: string;
  /** Until the person has confirmed, the button stays disabled. */
  disabled: boolean;
  error: string | null;
  onSubmit: () => void;
}

/** A form for an action that cannot be undone: what it does, the confirmation fields, a red button. */
export const DangerForm: ParentComponent<Props> = (props) => (
  <form
    class="stack narrow danger-zone"
    aria-labelledby={props.id}
    onSubmit={(event) => {
      event.preventDefault();
      props.onSubmit();
    }}
  >
    <h3 id={props.id}>{props.heading}</h3>
    <p class="muted">{props.explanation}</p>
    {props.children}
    <ErrorNotice message={props.error} />
    <div>
      <button type="submit" class="danger" disabled={props.disabled}>
        {props.submit}
      </button>
    </div>
  </form>
);
