import { createMutation } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { CommunicationDirection, CommunicationKind } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { ErrorNotice } from './States';

const CreateCommunication = graphql(`
  mutation LogCommunication($input: CommunicationInput!) { createCommunication(input: $input) { id } }
`);

const KINDS: { value: CommunicationKind; label: string }[] = [
  { value: 'EMAIL', label: 'Email' },
  { value: 'CALL', label: 'Call' },
  { value: 'SMS', label: 'SMS' },
];

/** Now as a datetime-local value (local time, minutes). */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

interface Props {
  /** The record the message is about, e.g. { contactId }. */
  target: { contactId?: string; companyId?: string; dealId?: string };
  onLogged: () => void;
}

/** Records an email, call or SMS that happened elsewhere (nothing is sent) into the record's timeline. */
export const LogCommunication: Component<Props> = (props) => {
  const [state, create] = createMutation(CreateCommunication);
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<CommunicationKind>('EMAIL');
  const label = () => KINDS.find((k) => k.value === kind())!.label;
  const addressHint = () => (kind() === 'EMAIL' ? 'Email addresses' : 'Phone numbers with their +country code');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const minutes = text('minutes');
    const when = text('occurredAt');
    const result = await create({
      input: {
        kind: kind(),
        direction: form.get('direction') as CommunicationDirection,
        fromAddress: text('from'),
        toAddresses: (text('to') ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        subject: kind() === 'EMAIL' ? text('subject') : null,
        body: text('body'),
        durationSeconds: kind() === 'CALL' && minutes ? Math.round(Number(minutes) * 60) : null,
        outcome: kind() === 'CALL' ? text('outcome') : null,
        occurredAt: when ? new Date(when).toISOString() : null,
        contactIds: props.target.contactId ? [props.target.contactId] : null,
        companyId: props.target.companyId ?? null,
        dealId: props.target.dealId ?? null,
      },
    });
    if (result.error) return;
    setOpen(false);
    props.onLogged();
  };

  return (
    <div class="log-communication">
      <button type="button" aria-expanded={open()} aria-controls="log-communication-form" onClick={() => setOpen(!open())}>
        Log email / call / SMS
      </button>
      <Show when={open()}>
        <form id="log-communication-form" class="stack panel-inline" onSubmit={submit}>
          <fieldset class="row">
            <legend>Kind</legend>
            <For each={KINDS}>
              {(k) => (
                <label class="check">
                  <input type="radio" name="kind" value={k.value} checked={kind() === k.value} onChange={() => setKind(k.value)} />
                  {k.label}
                </label>
              )}
            </For>
          </fieldset>
          <div class="row">
            <div class="field">
              <label for="comm-direction">Direction</label>
              <select id="comm-direction" name="direction">
                <option value="OUTBOUND">Outbound</option>
                <option value="INBOUND">Inbound</option>
              </select>
            </div>
            <div class="field">
              <label for="comm-when">When</label>
              <input id="comm-when" name="occurredAt" type="datetime-local" value={localNow()} required />
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="comm-from">From</label>
              <input id="comm-from" name="from" aria-describedby="comm-address-hint" />
            </div>
            <div class="field">
              <label for="comm-to">To</label>
              <input id="comm-to" name="to" aria-describedby="comm-address-hint" />
            </div>
          </div>
          <small id="comm-address-hint" class="hint">
            {addressHint()}; separate several recipients with commas.
          </small>
          <Show when={kind() === 'EMAIL'}>
            <div class="field">
              <label for="comm-subject">Subject</label>
              <input id="comm-subject" name="subject" />
            </div>
          </Show>
          <Show when={kind() === 'CALL'}>
            <div class="row">
              <div class="field">
                <label for="comm-minutes">Duration (minutes)</label>
                <input id="comm-minutes" name="minutes" type="number" min="0" step="any" />
              </div>
              <div class="field">
                <label for="comm-outcome">Outcome</label>
                <input id="comm-outcome" name="outcome" placeholder="e.g. left voicemail" />
              </div>
            </div>
          </Show>
          <div class="field">
            <label for="comm-body">{kind() === 'CALL' ? 'Notes' : 'Message'}</label>
            <textarea id="comm-body" name="body" rows={3} />
          </div>
          <ErrorNotice message={errorMessage(state.error)} />
          <div class="row">
            <button type="submit" class="primary" disabled={state.fetching}>
              Log {label() === 'SMS' ? 'SMS' : label().toLowerCase()}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
};
