// Draft a reply to an email or text message, or a follow-up to a meeting note: streamed into an editor,
// then saved as a communication on the record, or sent by email or SMS where those channels are set up, only
// when the member says so.
import { createQuery, useClient } from '@urql/solid';
import { createSignal, For, Match, onCleanup, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../../gql';
import { ChannelsStatusQuery } from '../channels/ChannelActions';
import { replyToOf, SendEmail } from '../channels/SendEmail';
import { SendSms } from '../channels/SendSms';
import type { AiLength, AiTone } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { humanized, SelectField } from '../Field';
import { describe, Stream, usePreviewGate, type Selectable } from './ai-requests';

const SaveCommunication = graphql(`
  mutation SaveAiDraft($input: CommunicationInput!) { createCommunication(input: $input) { id } }
`);

interface Props {
  recordId: string;
  kind: 'Contact' | 'Company' | 'Deal';
  /** Emails, text messages and notes of the record's timeline. */
  sources: Selectable[];
  disabled: boolean;
  onChange: () => void;
  onError: (message: string | null) => void;
  /** A request used tokens. */
  onUsed: () => void;
}

const TONES = humanized(['NEUTRAL', 'FRIENDLY', 'FORMAL']);
const LENGTHS = humanized(['SHORT', 'MEDIUM', 'LONG']);

export const AiDraft: Component<Props> = (props) => {
  const client = useClient();
  const { ask, Gate } = usePreviewGate(props.onError);
  const [draftSource, setDraftSource] = createSignal('');
  const [tone, setTone] = createSignal<AiTone>('NEUTRAL');
  const [length, setLength] = createSignal<AiLength>('SHORT');
  const [draft, setDraft] = createSignal<{ body: string; subject: string | null; channel: string | null } | null>(null);
  const [drafting, setDrafting] = createSignal<{ unsubscribe: () => void } | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);
  const [channels] = createQuery({ query: ChannelsStatusQuery });
  const source = () => props.sources.find((i) => i.id === draftSource());
  /** The message the draft answers, when it is one: the reply goes to its sender, in its thread. */
  const answering = () => {
    const item = source();
    return item?.__typename === 'Communication' ? replyToOf(item) : null;
  };
  /** Only an email Kith received or sent has a Message-ID to answer in its thread; a logged one gets a new email. */
  const threaded = () => {
    const item = source();
    return item?.__typename === 'Communication' && item.email != null;
  };
  const canSend = (channel: string | null) => (channel === 'SMS' ? channels.data?.channelsStatus.sms : channels.data?.channelsStatus.emailSending) ?? false;
  onCleanup(() => drafting()?.unsubscribe());
  const fail = (message: string | null) => {
    props.onError(message);
    props.onUsed();
  };

  const draftInput = () => ({ recordId: props.recordId, sourceId: draftSource(), tone: tone(), length: length() });
  /** The draft streams into the editor as it is written; Stop keeps what came so far. */
  const makeDraft = () => {
    setSaved(null);
    setSending(false);
    const item = source();
    const channel = item?.__typename === 'Communication' ? (item.kind === 'SMS' ? 'SMS' : 'EMAIL') : null;
    let body = '';
    setDraft({ body, subject: null, channel });
    const subscription = client.subscription(Stream, { draft: draftInput() }).subscribe((result) => {
      if (result.error) {
        setDrafting(null);
        setDraft(null);
        return fail(errorMessage(result.error));
      }
      const event = result.data?.aiStream;
      if (!event) return;
      if (event.delta) setDraft({ body: (body += event.delta), subject: null, channel });
      if (event.done) {
        setDraft({ body: event.text ?? body, subject: event.subject ?? null, channel });
        setDrafting(null);
        props.onUsed();
      }
    });
    setDrafting(subscription);
  };
  const stopDraft = () => {
    drafting()?.unsubscribe();
    setDrafting(null);
  };
  const sent = () => {
    setSending(false);
    setDraft(null);
    setSaved('Sent, and on the timeline.');
    props.onChange();
  };
  const link = () =>
    props.kind === 'Contact' ? { contactId: props.recordId } : props.kind === 'Company' ? { companyId: props.recordId } : { dealId: props.recordId };
  const saveDraft = async () => {
    const current = draft();
    if (!current) return;
    // A logged communication links contacts as a list; the rest of the link is the one sending uses.
    const { contactId, ...others } = link() as { contactId?: string; companyId?: string; dealId?: string };
    const links = contactId ? { contactIds: [contactId] } : others;
    const kind = current.channel === 'SMS' ? 'SMS' : 'EMAIL';
    const result = await client
      .mutation(SaveCommunication, { input: { kind, direction: 'OUTBOUND', subject: kind === 'EMAIL' ? current.subject : null, body: current.body, ...links } })
      .toPromise();
    if (result.error) return fail(errorMessage(result.error));
    setDraft(null);
    setSaved('Saved to the timeline.');
    props.onChange();
  };

  return (
    <>
      <Show when={props.sources.length > 0}>
        <form
          class="stack ai-draft"
          aria-label="Draft a reply"
          onSubmit={(event) => {
            event.preventDefault();
            void ask('DRAFT_REPLY', { draft: draftInput() }, makeDraft);
          }}
        >
          <h3>Draft a reply</h3>
          <div class="field">
            <label for="ai-draft-source">Reply to</label>
            <select id="ai-draft-source" required value={draftSource()} onChange={(e) => setDraftSource(e.currentTarget.value)}>
              <option value="">Choose a message or meeting note</option>
              <For each={props.sources}>{(item) => <option value={item.id}>{describe(item)}</option>}</For>
            </select>
          </div>
          <div class="row">
            <SelectField id="ai-draft-tone" label="Tone" value={tone()} options={TONES} onChange={(v) => setTone(v as AiTone)} />
            <SelectField id="ai-draft-length" label="Length" value={length()} options={LENGTHS} onChange={(v) => setLength(v as AiLength)} />
          </div>
          <Show
            when={drafting()}
            fallback={
              <button type="submit" disabled={!draftSource() || props.disabled}>
                Draft
              </button>
            }
          >
            <button type="button" onClick={stopDraft}>
              Stop drafting
            </button>
          </Show>
        </form>
      </Show>
      <Gate />
      <Show when={draft()}>
        {(current) => (
          <div class="stack ai-draft-result">
            <Show when={current().subject}>
              <p>
                <strong>Subject:</strong> {current().subject}
              </p>
            </Show>
            <label for="ai-draft-body">Draft (edit before saving)</label>
            <textarea id="ai-draft-body" rows={6} value={current().body} onInput={(e) => setDraft({ ...current(), body: e.currentTarget.value })} />
            <div class="row">
              <button type="button" class="primary" disabled={drafting() != null} onClick={() => void saveDraft()}>
                Save as {current().channel === 'SMS' ? 'text message' : 'email'}
              </button>
              <Show when={canSend(current().channel)}>
                <button type="button" aria-expanded={sending()} disabled={drafting() != null} onClick={() => setSending(!sending())}>
                  Send as {current().channel === 'SMS' ? 'text message' : 'email'}…
                </button>
              </Show>
              <button type="button" onClick={() => setDraft(null)}>
                Discard
              </button>
            </div>
            <Show when={sending()}>
              <Switch>
                <Match when={current().channel === 'SMS'}>
                  <SendSms target={link()} to={answering()?.to} body={current().body} onSent={sent} onClose={() => setSending(false)} />
                </Match>
                <Match when={current().channel !== 'SMS'}>
                  <SendEmail
                    target={link()}
                    replyTo={threaded() ? answering() : null}
                    draft={{ to: answering()?.to, subject: current().subject, body: current().body }}
                    onSent={sent}
                    onClose={() => setSending(false)}
                  />
                </Match>
              </Switch>
            </Show>
          </div>
        )}
      </Show>
      <Show when={saved()}>
        <p role="status">{saved()}</p>
      </Show>
    </>
  );
};
