// A contact from pasted text (a signature, a profile, a badge): the AI reads it into fields, the user
// corrects them, then creates the contact or updates a match. Absent unless AI is usable.
import { useNavigate } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { Disclosure } from '../Disclosure';
import { Field } from '../Field';
import { ErrorNotice } from '../States';
import { hasSeenPreview, markPreviewSeen, useWorkspaceAi } from './ai-state';
import { SendPreview, type PreviewMessage } from './SendPreview';
import './ai.css';

const Preview = graphql(`
  query AiExtractPreview($extract: AiExtractContactInput) { aiPreview(extract: $extract) { model messages { role content } } }
`);
const Extract = graphql(`
  mutation AiExtractContact($input: AiExtractContactInput!) {
    aiExtractContact(input: $input) { firstName lastName jobTitle companyName location emails phones profileUrls matches { id name } }
  }
`);
const Create = graphql(`
  mutation CreateExtractedContact($input: ContactInput!) { createContact(input: $input) { id } }
`);
const Update = graphql(`
  mutation UpdateExtractedContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id } }
`);

interface Fields {
  firstName: string;
  lastName: string;
  jobTitle: string;
  location: string;
  emails: string;
  phones: string;
  profileUrls: string;
}

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const ExtractContact: Component = () => {
  const ai = useWorkspaceAi();
  const client = useClient();
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  const [pending, setPending] = createSignal<{ model: string; messages: PreviewMessage[] } | null>(null);
  const [fields, setFields] = createSignal<Fields | null>(null);
  const [company, setCompany] = createSignal<string | null>(null);
  const [matches, setMatches] = createSignal<Array<{ id: string; name: string }>>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (key: keyof Fields) => (value: string) => setFields({ ...fields()!, [key]: value });

  const extract = async () => {
    setBusy(true);
    const result = await client.mutation(Extract, { input: { text: text() } }).toPromise();
    setBusy(false);
    void ai.refetch();
    if (result.error || !result.data) return setError(errorMessage(result.error));
    const c = result.data.aiExtractContact;
    setFields({
      firstName: c.firstName ?? '',
      lastName: c.lastName ?? '',
      jobTitle: c.jobTitle ?? '',
      location: c.location ?? '',
      emails: c.emails.join('\n'),
      phones: c.phones.join('\n'),
      profileUrls: c.profileUrls.join('\n'),
    });
    setCompany(c.companyName ?? null);
    setMatches(c.matches);
  };
  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (hasSeenPreview('EXTRACT_CONTACT')) return extract();
    // network-only: the preview is the request body the server builds now, not a record the cache holds.
    const result = await client.query(Preview, { extract: { text: text() } }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) return setError(errorMessage(result.error));
    setPending(result.data.aiPreview);
  };
  const input = () => {
    const f = fields()!;
    return {
      firstName: f.firstName,
      lastName: f.lastName,
      jobTitle: f.jobTitle || null,
      location: f.location || null,
      emails: lines(f.emails),
      phones: lines(f.phones).map((number) => ({ number })),
      profileUrls: lines(f.profileUrls),
    };
  };
  const save = async (matchId?: string) => {
    const result = matchId
      ? await client.mutation(Update, { id: matchId, input: input() }).toPromise()
      : await client.mutation(Create, { input: input() }).toPromise();
    if (result.error || !result.data) return setError(errorMessage(result.error));
    const id = 'createContact' in result.data ? result.data.createContact.id : result.data.updateContact.id;
    navigate(`/contacts/${id}`);
  };

  return (
    <Show when={ai.usable()}>
      <Disclosure label="Contact from text">
        {(close) => (
          <div class="stack">
            <form class="stack" aria-label="Contact from text" onSubmit={(event) => void start(event)}>
              <label for="ai-extract-text">Paste a signature, a profile or a badge</label>
              <textarea id="ai-extract-text" rows={6} required maxLength={10000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
              <Show when={ai.exhausted()}>
                <p class="state error" role="alert">
                  This workspace has used its AI budget for the month.
                </p>
              </Show>
              <div class="row">
                <button type="submit" class="primary" disabled={!text().trim() || busy() || ai.exhausted()}>
                  Read contact
                </button>
                <button type="button" onClick={close}>
                  Cancel
                </button>
              </div>
            </form>
            <Show when={pending()}>
              {(p) => (
                <SendPreview
                  model={p().model}
                  messages={p().messages}
                  onSend={() => {
                    markPreviewSeen('EXTRACT_CONTACT');
                    setPending(null);
                    void extract();
                  }}
                  onCancel={() => setPending(null)}
                />
              )}
            </Show>
            <ErrorNotice message={error()} />
            <Show when={fields()}>
              {(f) => (
                <form class="stack" aria-label="Check the contact" onSubmit={(event) => (event.preventDefault(), void save())}>
                  <p class="muted">Check and correct what was read before saving.{company() ? ` Company named in the text: ${company()}.` : ''}</p>
                  <Field label="First name" required value={f().firstName} onInput={(e) => set('firstName')(e.currentTarget.value)} />
                  <Field label="Last name" value={f().lastName} onInput={(e) => set('lastName')(e.currentTarget.value)} />
                  <Field label="Job title" value={f().jobTitle} onInput={(e) => set('jobTitle')(e.currentTarget.value)} />
                  <Field label="Location" value={f().location} onInput={(e) => set('location')(e.currentTarget.value)} />
                  <label for="ai-extract-emails">Emails (one a line)</label>
                  <textarea id="ai-extract-emails" rows={2} value={f().emails} onInput={(e) => set('emails')(e.currentTarget.value)} />
                  <label for="ai-extract-phones">Phones (one a line)</label>
                  <textarea id="ai-extract-phones" rows={2} value={f().phones} onInput={(e) => set('phones')(e.currentTarget.value)} />
                  <label for="ai-extract-urls">Profile links (one a line)</label>
                  <textarea id="ai-extract-urls" rows={2} value={f().profileUrls} onInput={(e) => set('profileUrls')(e.currentTarget.value)} />
                  <div class="row">
                    <button type="submit" class="primary">
                      Create contact
                    </button>
                    <For each={matches()}>
                      {(match) => (
                        <button type="button" onClick={() => void save(match.id)}>
                          Update {match.name}
                        </button>
                      )}
                    </For>
                  </div>
                </form>
              )}
            </Show>
          </div>
        )}
      </Disclosure>
    </Show>
  );
};
