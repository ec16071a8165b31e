import { createQuery } from '@urql/solid';
import { createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import { Field } from '../Field';
import { FormActions } from '../FormActions';
import { graphql } from '../../gql';

const Preview = graphql(`
  query EmailTemplatePreview($subject: String, $body: String!) {
    emailTemplatePreview(subject: $subject, body: $body) { subject body unknownFields mergeFields }
  }
`);

export interface TemplateDraft {
  name: string;
  subject: string;
  body: string;
}

interface Props {
  initial: TemplateDraft;
  saving: boolean;
  error?: string | null;
  onSave: (draft: TemplateDraft) => void;
  onCancel: () => void;
}

/** A template's name, subject and body, with its merge fields to insert and a preview merged by the server. */
export const TemplateEditor: Component<Props> = (props) => {
  const [subject, setSubject] = createSignal(props.initial.subject);
  const [body, setBody] = createSignal(props.initial.body);
  // The preview follows the text a moment after typing stops.
  const [settled, setSettled] = createSignal({ subject: subject(), body: body() });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => setSettled({ subject: subject(), body: body() }), 250);
  };
  onCleanup(() => clearTimeout(timer));
  const [preview] = createQuery({ query: Preview, variables: settled });
  let bodyArea: HTMLTextAreaElement | undefined;

  const insert = (field: string) => {
    const area = bodyArea!;
    const at = area.selectionStart ?? body().length;
    setBody(`${body().slice(0, at)}{{${field}}}${body().slice(area.selectionEnd ?? at)}`);
    settle();
    area.focus();
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
    props.onSave({ name, subject: subject().trim(), body: body() });
  };

  return (
    <form class="stack" aria-label="Email template" onSubmit={submit}>
      <Field label="Name" name="name" required value={props.initial.name} />
      <Field
        label="Subject"
        name="subject"
        value={subject()}
        onInput={(e) => {
          setSubject(e.currentTarget.value);
          settle();
        }}
      />
      <div class="field">
        <label for="template-body">Body</label>
        <textarea
          id="template-body"
          ref={bodyArea}
          rows={8}
          required
          value={body()}
          onInput={(e) => {
            setBody(e.currentTarget.value);
            settle();
          }}
        />
      </div>
      <div class="row" role="group" aria-label="Insert a merge field">
        <For each={preview.data?.emailTemplatePreview.mergeFields ?? []}>
          {(field) => <button type="button" class="link-button" onClick={() => insert(field)}>{`{{${field}}}`}</button>}
        </For>
      </div>
      <section class="panel-inline stack" aria-label="Preview">
        <h3>Preview, for Ada Lovelace of Analytical Engines Ltd</h3>
        <Show when={preview.data?.emailTemplatePreview}>
          {(shown) => (
            <>
              <Show when={shown().unknownFields.length > 0}>
                <p class="error" role="alert">
                  Unknown merge fields:{' '}
                  {shown()
                    .unknownFields.map((f) => `{{${f}}}`)
                    .join(', ')}
                </p>
              </Show>
              <p>
                <strong>{shown().subject || '(no subject)'}</strong>
              </p>
              <pre class="email-preview">{shown().body}</pre>
            </>
          )}
        </Show>
      </section>
      <FormActions submit="Save template" busy={props.saving} error={props.error} onCancel={() => props.onCancel()} />
    </form>
  );
};
