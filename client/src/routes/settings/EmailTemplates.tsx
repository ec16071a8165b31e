import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { TemplateEditor, type TemplateDraft } from '../../components/channels/TemplateEditor';
import { SettingsFrame } from '../../components/SettingsNav';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { ConfirmButton } from './parts';

const TemplatesQuery = graphql(`
  query EmailTemplatesSettings { emailTemplates { id name subject body } }
`);
const Create = graphql(`mutation CreateEmailTemplate($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`);
const Update = graphql(
  `mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) { updateEmailTemplate(id: $id, input: $input) { id name subject body } }`,
);
const Delete = graphql(`mutation DeleteEmailTemplate($id: ID!) { deleteEmailTemplate(id: $id) }`);

const BLANK: TemplateDraft = { name: '', subject: '', body: 'Hello {{contact.firstName | there}},\n\n\n{{sender.name}}' };

/** The workspace's email templates; whoever may send email may write them. */
export default function EmailTemplates() {
  const session = useSession();
  const canEdit = () => session.can('channels:send');
  const [result, refetch] = createQuery({ query: TemplatesQuery });
  const reload = () => refetch();
  // null: no editor open; 'new': a new template; otherwise the ID being edited.
  const [editing, setEditing] = createSignal<string | null>(null);
  const [creating, create] = createMutation(Create);
  const [updating, update] = createMutation(Update);
  const [deleting, remove] = createMutation(Delete);

  const save = async (id: string, draft: TemplateDraft) => {
    const input = { name: draft.name, subject: draft.subject, body: draft.body };
    const r = id === 'new' ? await create({ input }) : await update({ id, input });
    if (!r.error) {
      setEditing(null);
      reload();
    }
  };
  const editor = (id: string, initial: TemplateDraft) => (
    <TemplateEditor
      initial={initial}
      saving={creating.fetching || updating.fetching}
      error={errorMessage(id === 'new' ? creating.error : updating.error)}
      onSave={(draft) => void save(id, draft)}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <SettingsFrame title="Email templates">
      <Show when={result.data} fallback={<Loading label="Loading templates…" />}>
        {(data) => (
          <div class="stack">
            <ErrorNotice message={errorMessage(deleting.error)} />
            <Show when={data().emailTemplates.length > 0} fallback={<EmptyState title="No templates yet." />}>
              <ul class="stack" aria-label="Templates">
                <For each={data().emailTemplates}>
                  {(template) => (
                    <li class="panel-inline stack">
                      <Show
                        when={editing() === template.id}
                        fallback={
                          <div class="row">
                            <strong>{template.name}</strong>
                            <span class="muted">{template.subject}</span>
                            <Show when={canEdit()}>
                              <button type="button" class="link-button" onClick={() => setEditing(template.id)}>
                                Edit<span class="visually-hidden"> {template.name}</span>
                              </button>
                              <ConfirmButton
                                label="Delete"
                                hiddenSuffix={template.name}
                                confirmLabel="Delete template"
                                question={`Delete ${template.name}?`}
                                busy={deleting.fetching}
                                onConfirm={() => void remove({ id: template.id })}
                              />
                            </Show>
                          </div>
                        }
                      >
                        {editor(template.id, template)}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={canEdit()}>
              <Show
                when={editing() === 'new'}
                fallback={
                  <button type="button" class="primary" onClick={() => setEditing('new')}>
                    New template
                  </button>
                }
              >
                {editor('new', BLANK)}
              </Show>
            </Show>
          </div>
        )}
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={reload} />
    </SettingsFrame>
  );
}
