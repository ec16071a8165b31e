import { Show, type JSX } from 'solid-js';
import { Disclosure } from './Disclosure';
import { ErrorNotice } from './States';

interface Props {
  /** The disclosure button's text and the form's name, e.g. "New contact". */
  label: string;
  submit: string;
  busy: boolean;
  error: string | null;
  /** Offer a Cancel button beside the submit button (default true). */
  cancellable?: boolean;
  /** Called on submit, with a function that closes the form. */
  onSubmit: (close: () => void) => void;
  children: JSX.Element;
}

/** A list page's creation form, behind a button that opens it. */
export const NewRecordForm = (props: Props) => {
  const Submit = () => (
    <button type="submit" class="primary" disabled={props.busy}>
      {props.submit}
    </button>
  );
  return (
    <Disclosure label={props.label}>
      {(close) => (
        <form
          class="stack"
          onSubmit={(event) => {
            event.preventDefault();
            props.onSubmit(close);
          }}
          aria-label={props.label}
        >
          {props.children}
          <ErrorNotice message={props.error} />
          <Show when={props.cancellable ?? true} fallback={<Submit />}>
            <div class="row">
              <Submit />
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </Show>
        </form>
      )}
    </Disclosure>
  );
};
