import type { Component } from 'solid-js';
import { ErrorNotice } from './States';

interface Props {
  /** The submit button's words, e.g. "Send email". */
  submit: string;
  busy: boolean;
  error: string | null | undefined;
  onCancel: () => void;
}

/** The foot of an inline form: the mutation's error, then submit and Cancel side by side. */
export const FormActions: Component<Props> = (props) => (
  <>
    <ErrorNotice message={props.error} />
    <div class="row">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        Cancel
      </button>
    </div>
  </>
);
