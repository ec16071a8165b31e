import type { CombinedError } from '@urql/core';
import type { Component, JSX } from 'solid-js';
import { errorMessage } from '../lib/errors';
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

interface SubmitProps {
  /** The mutation the form sends: the button is busy while it runs, its error shown above. */
  state: { fetching: boolean; error?: CombinedError };
  disabled?: boolean;
  children: JSX.Element;
}

/** The foot of a standalone form: the mutation's error, then the primary submit button. */
export const FormSubmit: Component<SubmitProps> = (props) => (
  <>
    <ErrorNotice message={errorMessage(props.state.error)} />
    <button type="submit" class="primary" disabled={props.state.fetching || props.disabled}>
      {props.children}
    </button>
  </>
);
