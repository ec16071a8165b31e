// Options: Kith servers with their API keys (each key checked on save, its origin asked for as an
// optional host permission at that moment), and preferences.
import { createResource, createSignal, For, Show } from 'solid-js';
import { browser } from 'wxt/browser';
import { KeyCheckDocument } from '../api/documents.js';
import { KithError, kithRequest } from '../api/kith-client.js';
import type { Site } from '../parsers/profile-url.js';
import { loadPreferences, loadServers, originPattern, savePreferences, saveServers, serverBaseUrl, type Preferences, type SavedServer } from '../storage.js';

const SITES: Array<[Site, string]> = [
  ['LINKEDIN', 'LinkedIn'],
  ['UPWORK', 'Upwork'],
  ['DJINNI', 'Djinni'],
];

export function OptionsPage() {
  const [servers, { mutate: setServers }] = createResource(loadServers);
  const [preferences, { mutate: setPreferences }] = createResource(loadPreferences);
  const [url, setUrl] = createSignal('');
  const [apiKey, setApiKey] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [added, setAdded] = createSignal<string | null>(null);

  async function add(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    setAdded(null);
    const base = serverBaseUrl(url());
    if (!base) return setError('Enter the address of your Kith server, e.g. https://kith.example.com');
    if (!apiKey().trim()) return setError('Paste an API key (Kith → Settings → API keys).');
    setBusy(true);
    try {
      // First thing in the click: the browser asks the person for this one origin only.
      const granted = await browser.permissions.request({ origins: [originPattern(base)] });
      if (!granted) return setError(`Kith Clipper needs permission to reach ${new URL(base).origin} to use this server.`);
      const { workspace } = await kithRequest({ url: base, apiKey: apiKey().trim() }, KeyCheckDocument);
      const server: SavedServer = {
        id: crypto.randomUUID(),
        url: base,
        apiKey: apiKey().trim(),
        workspaceName: workspace.name,
        role: workspace.viewerRole,
        canSave: workspace.viewerPermissions.includes('records:create'),
      };
      const next = [...(servers() ?? []).filter((s) => !(s.url === base && s.workspaceName === server.workspaceName)), server];
      await saveServers(next);
      setServers(next);
      setUrl('');
      setApiKey('');
      setAdded(`Connected to ${workspace.name} as ${workspace.viewerRole}${server.canSave ? '' : ' (can check, not save)'}.`);
    } catch (e) {
      setError(e instanceof KithError ? e.message : 'The key could not be checked.');
    } finally {
      setBusy(false);
    }
  }

  async function remove(server: SavedServer) {
    const next = (servers() ?? []).filter((s) => s.id !== server.id);
    await saveServers(next);
    setServers(next);
    if (!next.some((s) => new URL(s.url).origin === new URL(server.url).origin)) {
      await browser.permissions.remove({ origins: [originPattern(server.url)] }).catch(() => false);
    }
  }

  async function update(change: Partial<Preferences>) {
    const next = { ...preferences()!, ...change };
    await savePreferences(next);
    setPreferences(next);
  }

  return (
    <main class="options">
      <h1>Kith Clipper options</h1>
      <h2>Kith servers</h2>
      <Show when={servers()?.length} fallback={<p>No server yet.</p>}>
        <ul style={{ padding: 0, 'list-style': 'none' }}>
          <For each={servers()}>
            {(server) => (
              <li class="server" data-testid="server">
                <span>
                  <strong>{server.workspaceName}</strong> · {server.role}
                  {server.canSave ? '' : ' (can check, not save)'}
                  <br />
                  <small>{server.url}</small>
                </span>
                <button type="button" class="secondary" onClick={() => void remove(server)} aria-label={`Remove ${server.workspaceName} at ${server.url}`}>
                  Remove
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form onSubmit={(e) => void add(e)} aria-label="Add a Kith server">
        <label class="field">
          <span class="field__label">Server address</span>
          <input
            name="url"
            type="url"
            inputmode="url"
            placeholder="https://kith.example.com"
            required
            value={url()}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">API key</span>
          <input
            name="apiKey"
            type="password"
            autocomplete="off"
            placeholder="kith_…"
            required
            value={apiKey()}
            onInput={(e) => setApiKey(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit" disabled={busy()}>
            {busy() ? 'Checking the key…' : 'Check and save'}
          </button>
        </div>
      </form>
      <Show when={error()}>
        <p role="alert" class="error" data-testid="error">
          {error()}
        </p>
      </Show>
      <Show when={added()}>
        <p role="status" class="done" data-testid="added">
          {added()}
        </p>
      </Show>

      <Show when={preferences()}>
        {(p) => (
          <>
            <h2>Privacy</h2>
            <label>
              <input type="checkbox" checked={p().storePhotos} onChange={(e) => void update({ storePhotos: e.currentTarget.checked })} /> Save profile photo
              URLs on contacts
            </label>
            <h2>Automatic check</h2>
            <p>
              When a profile opens, send its address (nothing else) to Kith and show ✓ on the toolbar button if it is already there. Off unless you switch it
              on.
            </p>
            <For each={SITES}>
              {([site, name]) => (
                <label style={{ display: 'block' }}>
                  <input
                    type="checkbox"
                    checked={p().autoCheck[site]}
                    onChange={(e) => void update({ autoCheck: { ...p().autoCheck, [site]: e.currentTarget.checked } })}
                  />{' '}
                  {name}
                </label>
              )}
            </For>
          </>
        )}
      </Show>
    </main>
  );
}
