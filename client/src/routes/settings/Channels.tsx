import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice, Loading } from '../../components/States';
import { FormSubmit } from '../../components/FormActions';
import { graphql } from '../../gql';
import type { MailboxPrivacy } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';

const ChannelsQuery = graphql(`
  query ChannelsSettings {
    channelsStatus { available mailOAuthProviders }
    mySmtpAccount { id host port username fromAddress fromName }
    inboundMail { enabled myAddress workspaceAddress createUnknownContacts }
    myMailboxes { id host username privacy status lastError lastSyncedAt importedCount importEveryone excludedFolders }
    phoneChannel { enabled number }
  }
`);
const WorkspaceSmtpQuery = graphql(`
  query WorkspaceSmtp { workspaceSmtpAccount { id host port username fromAddress fromName } }
`);
const SetMine = graphql(`mutation SetMySmtp($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { id } }`);
const SetWorkspace = graphql(`mutation SetWorkspaceSmtp($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { id } }`);
const RemoveMine = graphql(`mutation RemoveMySmtp { removeMySmtpAccount }`);
const Connect = graphql(`mutation ConnectMailbox($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }`);
const UpdateMailbox = graphql(
  `mutation UpdateMailboxPrivacy($id: ID!, $input: MailboxSettingsInput!) { updateMailbox(id: $id, input: $input) { id privacy } }`,
);
const Disconnect = graphql(`mutation DisconnectMailbox($id: ID!, $deleteImported: Boolean!) { disconnectMailbox(id: $id, deleteImported: $deleteImported) }`);
const StartOAuth = graphql(`mutation StartMailboxOAuth($input: StartMailboxOAuthInput!) { startMailboxOAuth(input: $input) }`);
const SetNumber = graphql(`mutation SetTwilioNumber($number: String) { setTwilioNumber(number: $number) { number } }`);

const PRIVACY: { value: MailboxPrivacy; label: string }[] = [
  { value: 'FULL', label: 'Full message' },
  { value: 'SUBJECT', label: 'Subject and who/when' },
  { value: 'METADATA', label: 'Only who/when' },
];

type Account = { host: string; port: number; username: string; fromAddress: string; fromName?: string | null } | null | undefined;

/** SMTP settings; the stored password is never shown, and left empty it is kept. */
const SmtpForm: Component<{
  id: string;
  account: Account;
  onSave: (input: Record<string, unknown>) => Promise<{ error?: unknown }>;
  saving: boolean;
  error?: string | null;
}> = (props) => {
  const [saved, setSaved] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const result = await props.onSave({
      host: text('host'),
      port: Number(text('port')),
      username: text('username'),
      password: text('password') || null,
      fromAddress: text('fromAddress'),
      fromName: text('fromName') || null,
    });
    setSaved(!result.error);
  };
  const field = (name: string, label: string, value: string | number | undefined, type = 'text', required = true) => (
    <div class="field">
      <label for={`${props.id}-${name}`}>{label}</label>
      <input id={`${props.id}-${name}`} name={name} type={type} required={required} value={value ?? ''} />
    </div>
  );
  return (
    <form class="stack" aria-label={`${props.id === 'mine' ? 'Your' : 'Workspace'} SMTP account`} onSubmit={submit}>
      {field('host', 'SMTP server', props.account?.host)}
      {field('port', 'Port', props.account?.port ?? 587, 'number')}
      {field('username', 'User name', props.account?.username)}
      {field('password', props.account ? 'Password (leave empty to keep)' : 'Password or app password', '', 'password', !props.account)}
      {field('fromAddress', 'From address', props.account?.fromAddress, 'email')}
      {field('fromName', 'From name', props.account?.fromName ?? '', 'text', false)}
      <ErrorNotice message={props.error} />
      <Show when={saved()}>
        <p role="status">Saved: Kith signed in to the server.</p>
      </Show>
      <button type="submit" class="primary" disabled={props.saving}>
        Save and test
      </button>
    </form>
  );
};

export default function ChannelsSettings() {
  const session = useSession();
  const isAdmin = () => session.can('channels:manage');
  const [result, refetch] = createQuery({ query: ChannelsQuery });
  const [workspaceSmtp, refetchWorkspace] = createQuery({ query: WorkspaceSmtpQuery, pause: () => !isAdmin() });
  const reload = () => refetch();
  const [mine, setMine] = createMutation(SetMine);
  const [ws, setWs] = createMutation(SetWorkspace);
  const [, removeMine] = createMutation(RemoveMine);
  const [connecting, connect] = createMutation(Connect);
  const [updating, update] = createMutation(UpdateMailbox);
  const [disconnecting, disconnect] = createMutation(Disconnect);
  const [numberState, setNumber] = createMutation(SetNumber);
  const [oauthState, startOAuth] = createMutation(StartOAuth);
  const returned = new URLSearchParams(window.location.search);
  /** Off to the provider's consent; it sends the browser back to Kith, which connects the mailbox. */
  const connectWith = async (provider: 'GOOGLE' | 'MICROSOFT') => {
    const r = await startOAuth({ input: { provider } });
    if (r.data?.startMailboxOAuth) window.location.assign(r.data.startMailboxOAuth);
  };

  const connectMailbox = async (event: SubmitEvent) => {
    event.preventDefault();
    const formEl = event.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const r = await connect({
      input: {
        host: text('host'),
        port: Number(text('port')),
        username: text('username'),
        password: text('password'),
        privacy: text('privacy') as MailboxPrivacy,
        importEveryone: form.get('everyone') === 'on',
        excludedFolders: text('excluded')
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
        syncDays: Number(text('days')) || null,
      },
    });
    if (!r.error) {
      formEl.reset();
      reload();
    }
  };

  return (
    <SettingsFrame title="Email and phone">
      <Show when={result.data} fallback={<Loading label="Loading channels…" />}>
        {(data) => (
          <div class="stack">
            <section aria-labelledby="smtp-mine">
              <h2 id="smtp-mine">Your email account</h2>
              <p class="muted">
                Mail you send from Kith goes out through this account (else through the workspace's). Use an app password where your provider has them.
              </p>
              <SmtpForm
                id="mine"
                account={data().mySmtpAccount}
                saving={mine.fetching}
                error={errorMessage(mine.error)}
                onSave={async (input) => {
                  const r = await setMine({ input: input as never });
                  reload();
                  return r;
                }}
              />
              <Show when={data().mySmtpAccount}>
                <button
                  type="button"
                  onClick={async () => {
                    await removeMine({});
                    reload();
                  }}
                >
                  Remove your account
                </button>
              </Show>
            </section>
            <Show when={isAdmin()}>
              <section aria-labelledby="smtp-workspace">
                <h2 id="smtp-workspace">Workspace email account</h2>
                <SmtpForm
                  id="workspace"
                  account={workspaceSmtp.data?.workspaceSmtpAccount}
                  saving={ws.fetching}
                  error={errorMessage(ws.error)}
                  onSave={async (input) => {
                    const r = await setWs({ input: input as never });
                    refetchWorkspace();
                    return r;
                  }}
                />
              </section>
            </Show>
            <Show when={data().inboundMail.enabled}>
              <section aria-labelledby="inbound">
                <h2 id="inbound">Forwarding addresses</h2>
                <p>BCC or forward mail to these addresses to put it on the timeline.</p>
                <dl>
                  <dt>Yours</dt>
                  <dd>
                    <code>{data().inboundMail.myAddress}</code>
                  </dd>
                  <dt>The workspace's</dt>
                  <dd>
                    <code>{data().inboundMail.workspaceAddress}</code>
                  </dd>
                </dl>
              </section>
            </Show>
            <section aria-labelledby="mailboxes">
              <h2 id="mailboxes">Synced mailboxes</h2>
              <ErrorNotice message={errorMessage(updating.error) ?? errorMessage(disconnecting.error)} />
              <ul class="stack">
                <For each={data().myMailboxes}>
                  {(box) => (
                    <li class="panel-inline stack">
                      <p>
                        <strong>{box.username}</strong> on {box.host} · {box.status.toLowerCase()} · {box.importedCount} imported
                        {box.lastSyncedAt ? ` · last synced ${formatDateTime(box.lastSyncedAt)}` : ''}
                      </p>
                      <Show when={box.lastError}>
                        <p class="error">{box.lastError}</p>
                      </Show>
                      <div class="field">
                        <label for={`privacy-${box.id}`}>What others in the workspace see</label>
                        <select
                          id={`privacy-${box.id}`}
                          value={box.privacy}
                          onChange={async (e) => {
                            await update({ id: box.id, input: { privacy: e.currentTarget.value as MailboxPrivacy } });
                            reload();
                          }}
                        >
                          <For each={PRIVACY}>{(p) => <option value={p.value}>{p.label}</option>}</For>
                        </select>
                      </div>
                      <div class="row">
                        <button
                          type="button"
                          onClick={async () => {
                            await disconnect({ id: box.id, deleteImported: false });
                            reload();
                          }}
                        >
                          Disconnect, keep imported mail
                        </button>
                        <button
                          type="button"
                          class="danger"
                          onClick={async () => {
                            await disconnect({ id: box.id, deleteImported: true });
                            reload();
                          }}
                        >
                          Disconnect and delete imported mail
                        </button>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={returned.get('mailboxError')}>
                {(message) => (
                  <p class="error" role="alert">
                    {message()}
                  </p>
                )}
              </Show>
              <Show when={returned.get('mailbox') === 'connected'}>
                <p role="status">Mailbox connected: the first sync has started.</p>
              </Show>
              <Show when={data().channelsStatus.mailOAuthProviders.length > 0}>
                <div class="row" role="group" aria-label="Connect by signing in">
                  <Show when={data().channelsStatus.mailOAuthProviders.includes('google')}>
                    <button type="button" disabled={oauthState.fetching} onClick={() => void connectWith('GOOGLE')}>
                      Connect with Google
                    </button>
                  </Show>
                  <Show when={data().channelsStatus.mailOAuthProviders.includes('microsoft')}>
                    <button type="button" disabled={oauthState.fetching} onClick={() => void connectWith('MICROSOFT')}>
                      Connect with Microsoft
                    </button>
                  </Show>
                </div>
                <ErrorNotice message={errorMessage(oauthState.error)} />
              </Show>
              <form class="stack" aria-label="Connect a mailbox" onSubmit={connectMailbox}>
                <h3>Connect a mailbox (IMAP)</h3>
                <div class="field">
                  <label for="mb-host">IMAP server</label>
                  <input id="mb-host" name="host" required />
                </div>
                <div class="field">
                  <label for="mb-port">Port</label>
                  <input id="mb-port" name="port" type="number" value="993" required />
                </div>
                <div class="field">
                  <label for="mb-user">User name</label>
                  <input id="mb-user" name="username" required />
                </div>
                <div class="field">
                  <label for="mb-pass">Password or app password</label>
                  <input id="mb-pass" name="password" type="password" required />
                </div>
                <div class="field">
                  <label for="mb-privacy">What others in the workspace see</label>
                  <select id="mb-privacy" name="privacy">
                    <For each={PRIVACY}>
                      {(p) => (
                        <option value={p.value} selected={p.value === 'SUBJECT'}>
                          {p.label}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <label class="check">
                  <input type="checkbox" name="everyone" /> Import mail with everyone, not only known contacts
                </label>
                <div class="field">
                  <label for="mb-excluded">Folders to skip</label>
                  <input id="mb-excluded" name="excluded" placeholder="Personal, Archive/2019" />
                </div>
                <div class="field">
                  <label for="mb-days">First sync goes back (days)</label>
                  <input id="mb-days" name="days" type="number" value="90" min="1" max="3650" />
                </div>
                <FormSubmit state={connecting}>Connect mailbox</FormSubmit>
              </form>
            </section>
            <Show when={data().phoneChannel.enabled && isAdmin()}>
              <section aria-labelledby="phone">
                <h2 id="phone">Phone (Twilio)</h2>
                <form
                  class="stack"
                  aria-label="Twilio number"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    await setNumber({ number: String(new FormData(e.currentTarget).get('number') ?? '') || null });
                    reload();
                  }}
                >
                  <div class="field">
                    <label for="twilio-number">Workspace number</label>
                    <input id="twilio-number" name="number" type="tel" value={data().phoneChannel.number ?? ''} />
                  </div>
                  <ErrorNotice message={errorMessage(numberState.error)} />
                  <button type="submit" class="primary">
                    Save number
                  </button>
                </form>
              </section>
            </Show>
          </div>
        )}
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={reload} />
    </SettingsFrame>
  );
}
