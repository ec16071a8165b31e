// The popup and side panel: read the profile, ask Kith whether it is there, and create or update it.
// Everything here lives in memory: closing the popup forgets the profile.
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { browser } from 'wxt/browser';
import { ChoicesDocument, ClipDocument, LookupDocument } from '../api/documents.js';
import { KithError, kithRequest } from '../api/kith-client.js';
import { fieldShown, FORM_FIELDS, formFromFields, isList, profileInput, type ClipForm, type FormSources } from '../clip-form.js';
import type { ClipField, ClipperLookupQuery, ClipperSaveMutation } from '../gql/graphql.js';
import { activeServer, loadPreferences, loadServers, savePreferences, type Preferences, type SavedServer } from '../storage.js';
import { readProfile, targetTabId } from './read-page.js';

type Lookup = ClipperLookupQuery['clipperLookup'];
type Saved = ClipperSaveMutation['clipProfile'];

const SITE_NAMES = { LINKEDIN: 'LinkedIn', UPWORK: 'Upwork', DJINNI: 'Djinni' } as const;
const FIELD_LABELS: Record<ClipField, string> = {
  FIRST_NAME: 'First name',
  LAST_NAME: 'Last name',
  HEADLINE: 'Headline',
  JOB_TITLE: 'Title',
  LOCATION: 'Location',
  COMPANY: 'Company',
  PROFILE_URL: 'Profile URL',
  EMAILS: 'Emails',
  PHONES: 'Phones',
  SKILLS: 'Skills',
  HOURLY_RATE: 'Hourly rate',
  SALARY_EXPECTATION: 'Salary expectation',
  EXPERIENCE_YEARS: 'Years of experience',
  EXPERIENCE: 'Experience',
  PHOTO_URL: 'Photo URL',
};
const STATUS_TEXT = { CREATED: 'will be filled', UPDATED: 'will change', UNCHANGED: 'same', KEPT: 'differs' } as const;

const errorText = (error: unknown) => (error instanceof KithError ? error.message : 'Something went wrong. Try again.');
const contactLink = (server: SavedServer, id: string) => `${server.url}/contacts/${encodeURIComponent(id)}`;
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : 'none yet');

export function ClipperPanel() {
  const [state, { refetch }] = createResource(async () => {
    const [servers, preferences, tabId] = await Promise.all([loadServers(), loadPreferences(), targetTabId()]);
    const page = tabId == null ? ({ kind: 'not-profile', reason: 'No tab to read.' } as const) : await readProfile(tabId);
    return { servers, preferences, page };
  });

  return (
    <main class="panel">
      <header class="panel__header">
        <h1>Kith Clipper</h1>
        <span class="panel__links">
          <button type="button" class="link" onClick={() => void refetch()}>
            Read the page again
          </button>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Options
          </button>
        </span>
      </header>
      <Switch>
        <Match when={state.loading}>
          <p role="status">Reading the page…</p>
        </Match>
        <Match when={state.error != null}>
          <p role="alert" class="error">
            {errorText(state.error)}
          </p>
        </Match>
        <Match when={state()?.servers.length === 0}>
          <p>Connect a Kith server first: its address and an API key.</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Open options
          </button>
        </Match>
        <Match when={state()?.page.kind === 'not-profile' && state()!.page}>
          {(page) => (
            <p role="alert" class="notice">
              {(page() as { reason: string }).reason}
            </p>
          )}
        </Match>
        <Match when={state()}>
          {(loaded) => <ProfileClipper servers={loaded().servers} preferences={loaded().preferences} page={loaded().page as ProfilePage} />}
        </Match>
      </Switch>
    </main>
  );
}

interface ProfilePage {
  kind: 'profile';
  site: keyof typeof SITE_NAMES;
  url: string;
  fields: Parameters<typeof formFromFields>[0];
}

function ProfileClipper(props: { servers: SavedServer[]; preferences: Preferences; page: ProfilePage }) {
  const initial = formFromFields(props.page.fields);
  const [form, setForm] = createSignal<ClipForm>(initial.form);
  const sources: FormSources = initial.sources;
  const [serverId, setServerId] = createSignal(activeServer(props.servers, props.preferences)!.id);
  const server = () => props.servers.find((s) => s.id === serverId())!;
  const [contactId, setContactId] = createSignal<string | null>(null);
  const [diff, setDiff] = createSignal<Saved | null>(null);
  const [overwrite, setOverwrite] = createSignal<Set<ClipField>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [note, setNote] = createSignal('');
  const [tagIds, setTagIds] = createSignal<string[]>([]);
  const [ownerId, setOwnerId] = createSignal('');
  const [dealId, setDealId] = createSignal('');

  const [round, setRound] = createSignal(0);
  const lookupKey = () => ({ server: server(), round: round() });
  const [lookup] = createResource(lookupKey, async ({ server }): Promise<Lookup> => {
    const f = form();
    const emails = f.emails
      .split('\n')
      .map((e) => e.trim())
      .filter((e) => /^[^\s@]+@[^\s@]+$/.test(e));
    const name = `${f.firstName} ${f.lastName}`.trim() || null;
    const result = await kithRequest(server, LookupDocument, { url: props.page.url, emails, name, companyName: f.company.trim() || null });
    setContactId(result.clipperLookup.contact?.id ?? null);
    return result.clipperLookup;
  });
  const [choices] = createResource(server, (s) => kithRequest(s, ChoicesDocument).catch(() => null));

  const setField = (field: keyof ClipForm, value: string) => {
    setForm({ ...form(), [field]: value });
    setDiff(null);
  };

  async function run<T>(action: () => Promise<T>) {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setBusy(false);
    }
  }

  const variables = (dryRun: boolean) => ({
    profile: profileInput(props.page.url, form(), props.preferences.storePhotos, props.page.fields.companyDomain?.value ?? null),
    contactId: contactId(),
    dryRun,
    overwrite: [...overwrite()],
    note: dryRun ? null : note().trim() || null,
    tagIds: dryRun || tagIds().length === 0 ? null : tagIds(),
    ownerId: dryRun ? null : ownerId() || null,
    dealId: dryRun ? null : dealId() || null,
  });

  const review = () =>
    run(async () => {
      const { clipProfile } = await kithRequest(server(), ClipDocument, variables(true));
      setOverwrite(new Set<ClipField>());
      setDiff(clipProfile);
    });

  const save = () =>
    run(async () => {
      const { clipProfile } = await kithRequest(server(), ClipDocument, variables(false));
      const written = clipProfile.changes.filter((c) => c.status === 'CREATED' || c.status === 'UPDATED').length;
      setDiff(null);
      setNote('');
      setDealId('');
      setDone(
        `${clipProfile.created ? 'Created' : 'Updated'} ${clipProfile.contact?.name ?? 'the contact'} (${written} field${written === 1 ? '' : 's'} written).`,
      );
      setRound(round() + 1);
    });

  const toggleOverwrite = (field: ClipField, on: boolean) => {
    const next = new Set(overwrite());
    if (on) next.add(field);
    else next.delete(field);
    setOverwrite(next);
  };

  const chooseServer = async (id: string) => {
    setServerId(id);
    await savePreferences({ ...props.preferences, activeServerId: id });
  };

  return (
    <>
      <section class="page" aria-label="This page">
        <p class="page__site">{SITE_NAMES[props.page.site]} profile</p>
        <p class="page__url">{props.page.url}</p>
        <Show when={props.servers.length > 1}>
          <label>
            Kith server
            <select value={serverId()} onChange={(e) => void chooseServer(e.currentTarget.value)}>
              <For each={props.servers}>
                {(s) => (
                  <option value={s.id}>
                    {s.workspaceName} — {new URL(s.url).host}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
        <Show when={!server().canSave}>
          <p class="notice">This key has the {server().role} role: it can check, not save.</p>
        </Show>
      </section>

      <section class="match" aria-label="Already in Kith?" aria-live="polite">
        <Switch>
          <Match when={lookup.loading}>
            <p role="status">Checking Kith…</p>
          </Match>
          <Match when={lookup.error != null}>
            <p role="alert" class="error" data-testid="lookup-error">
              {errorText(lookup.error)}
            </p>
          </Match>
          <Match when={lookup()?.contact}>
            {(contact) => (
              <div class="match__found" data-testid="match">
                <p>
                  <strong>In Kith</strong> (by {lookup()!.matchedBy === 'EMAIL' ? 'email' : 'profile URL'}):{' '}
                  <a href={contactLink(server(), contact().id)} target="_blank" rel="noopener">
                    {contact().name}
                  </a>
                </p>
                <dl>
                  <dt>Owner</dt>
                  <dd>{contact().owner?.name ?? 'nobody'}</dd>
                  <dt>Last activity</dt>
                  <dd>{when(lookup()!.lastActivityAt)}</dd>
                  <dt>Tags</dt>
                  <dd>
                    {contact()
                      .tags.map((t) => t.name)
                      .join(', ') || 'none'}
                  </dd>
                  <dt>Deals</dt>
                  <dd>
                    {lookup()!
                      .openDeals.map((d) => `${d.name} (${d.stage.name})`)
                      .join(', ') || 'none open'}
                  </dd>
                </dl>
              </div>
            )}
          </Match>
          <Match when={lookup()}>
            <p data-testid="no-match">
              <strong>Not in Kith yet.</strong>
            </p>
            <Show when={lookup()!.suggestions.length > 0}>
              <p>Same name in Kith (not matched automatically):</p>
              <ul class="suggestions">
                <For each={lookup()!.suggestions}>
                  {(s) => (
                    <li>
                      <a href={contactLink(server(), s.id)} target="_blank" rel="noopener">
                        {s.name}
                      </a>
                      {s.company ? ` · ${s.company.name}` : ''}{' '}
                      <button
                        type="button"
                        class="link"
                        aria-pressed={contactId() === s.id}
                        onClick={() => {
                          setContactId(contactId() === s.id ? null : s.id);
                          setDiff(null);
                        }}
                      >
                        {contactId() === s.id ? 'Chosen: update this one' : 'Update this one instead'}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Match>
        </Switch>
      </section>

      <form
        class="fields"
        aria-label="Profile"
        onSubmit={(e) => {
          e.preventDefault();
          void (contactId() ? review() : save());
        }}
      >
        <For each={FORM_FIELDS.filter(([field]) => fieldShown(props.page.site, field, initial.form[field], props.preferences.storePhotos))}>
          {([field, label]) => (
            <label class="field">
              <span class="field__label">
                {label}
                <Show when={sources[field]}>
                  <span class="source" title="Where this was read from">
                    {sources[field]}
                  </span>
                </Show>
              </span>
              <Show when={isList(field)} fallback={<input name={field} value={form()[field]} onInput={(e) => setField(field, e.currentTarget.value)} />}>
                <textarea
                  name={field}
                  rows={Math.min(4, Math.max(1, form()[field].split('\n').length))}
                  value={form()[field]}
                  onInput={(e) => setField(field, e.currentTarget.value)}
                />
              </Show>
            </label>
          )}
        </For>

        <details class="extras">
          <summary>Note, tags, owner, deal</summary>
          <label class="field">
            <span class="field__label">Note</span>
            <textarea name="note" rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <Show when={choices()}>
            {(c) => (
              <>
                <fieldset class="tags">
                  <legend>Tags</legend>
                  <For each={c().tags}>
                    {(tag) => (
                      <label>
                        <input
                          type="checkbox"
                          checked={tagIds().includes(tag.id)}
                          onChange={(e) => setTagIds(e.currentTarget.checked ? [...tagIds(), tag.id] : tagIds().filter((id) => id !== tag.id))}
                        />{' '}
                        {tag.name}
                      </label>
                    )}
                  </For>
                </fieldset>
                <label class="field">
                  <span class="field__label">Owner</span>
                  <select name="owner" value={ownerId()} onChange={(e) => setOwnerId(e.currentTarget.value)}>
                    <option value="">{contactId() ? 'Keep the owner' : 'Me'}</option>
                    <For each={c().workspace.members.filter((m) => m.role !== 'VIEWER')}>{(m) => <option value={m.user.id}>{m.user.name}</option>}</For>
                  </select>
                </label>
                <label class="field">
                  <span class="field__label">Add to deal</span>
                  <select name="deal" value={dealId()} onChange={(e) => setDealId(e.currentTarget.value)}>
                    <option value="">No deal</option>
                    <For each={c().deals.edges}>{(edge) => <option value={edge.node.id}>{edge.node.name}</option>}</For>
                  </select>
                </label>
              </>
            )}
          </Show>
        </details>

        <Show when={diff()}>
          {(d) => (
            <table class="diff" aria-label="Changes">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">In Kith</th>
                  <th scope="col">On the page</th>
                  <th scope="col">Overwrite</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().changes.filter((c) => c.status !== 'UNCHANGED')}>
                  {(change) => (
                    <tr data-status={change.status}>
                      <th scope="row">{FIELD_LABELS[change.field]}</th>
                      <td>{change.before ?? '—'}</td>
                      <td>{change.after ?? '—'}</td>
                      <td>
                        <Show when={change.status === 'KEPT' || overwrite().has(change.field)} fallback={STATUS_TEXT[change.status]}>
                          <input
                            type="checkbox"
                            aria-label={`Overwrite ${FIELD_LABELS[change.field]}`}
                            checked={overwrite().has(change.field)}
                            onChange={(e) => toggleOverwrite(change.field, e.currentTarget.checked)}
                          />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Show>

        <Show when={error()}>
          <p role="alert" class="error" data-testid="error">
            {error()}
          </p>
        </Show>
        <Show when={done()}>
          <p role="status" class="done" data-testid="done">
            {done()}
          </p>
        </Show>

        <div class="actions">
          <Show
            when={contactId()}
            fallback={
              <button type="submit" disabled={busy() || lookup.loading}>
                Create contact
              </button>
            }
          >
            <Show
              when={diff()}
              fallback={
                <button type="submit" disabled={busy() || lookup.loading}>
                  Review update
                </button>
              }
            >
              <button type="button" disabled={busy()} onClick={() => void save()}>
                Update contact
              </button>
            </Show>
          </Show>
        </div>
      </form>
    </>
  );
}
