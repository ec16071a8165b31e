import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, Match, onCleanup, Show, Switch, type Component } from 'solid-js';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice } from '../../components/States';
import { graphql } from '../../gql';
import type { ImportDedupeMode, ImportEntity } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { humanize } from '../../lib/format';
import { uploadImportFile } from '../../lib/import-upload';
import { sameOrigin } from '../../lib/record-links';
import { useSession } from '../../lib/session';

const ImportQuery = graphql(`
  query ImportToMap($id: ID!) {
    node(id: $id) {
      ... on Import { id fileName format encoding delimiter headers recognised entity columns }
    }
  }
`);
const FieldsQuery = graphql(`
  query ImportFields($entity: ImportEntity!) { importFields(entity: $entity) { key label } }
`);
const PreviewQuery = graphql(`
  query ImportPreview($id: ID!, $settings: ImportSettingsInput!) {
    importPreview(id: $id, settings: $settings, first: 10) {
      rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile
      rows { number action match values errors }
      failedRows { number errors }
    }
  }
`);
const StartImport = graphql(`
  mutation StartImport($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }
`);
const UndoImport = graphql(`
  mutation UndoImport($id: ID!) { undoImport(id: $id) { id status } }
`);
const Progress = graphql(`
  subscription ImportProgress($id: ID!) {
    importProgress(id: $id) { id status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl }
  }
`);

const MODES: Array<{ mode: ImportDedupeMode; label: string }> = [
  { mode: 'SKIP', label: 'Skip them' },
  { mode: 'UPDATE', label: 'Update them (the file wins)' },
  { mode: 'FILL_EMPTY', label: 'Fill empty fields only' },
  { mode: 'CREATE_ANYWAY', label: 'Create new records anyway' },
];

type Settings = { entity: ImportEntity; columns: Array<string | null>; dedupeMode: ImportDedupeMode; visibility: 'WORKSPACE' | 'PRIVATE' };
type ProgressRow = {
  status: string;
  rowsRead: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
  error?: string | null;
  errorFileUrl?: string | null;
};

function shown(values: unknown): string {
  if (!values || typeof values !== 'object') return '';
  return Object.entries(values as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

const Mapping: Component<{ id: string; onStarted: () => void }> = (props) => {
  const client = useClient();
  const [imported] = createQuery({ query: ImportQuery, variables: () => ({ id: props.id }) });
  const row = () => {
    const node = imported.data?.node;
    return node && 'headers' in node ? node : null;
  };
  const [entity, setEntity] = createSignal<ImportEntity>('CONTACT');
  const [columns, setColumns] = createSignal<Array<string | null>>([]);
  const [mode, setMode] = createSignal<ImportDedupeMode>('SKIP');
  const [isPrivate, setPrivate] = createSignal(false);
  createEffect(() => {
    const loaded = row();
    if (!loaded) return;
    setEntity(loaded.entity);
    setColumns(loaded.columns);
  });
  const [fields] = createQuery({ query: FieldsQuery, variables: () => ({ entity: entity() }) });
  const settings = (): Settings => ({ entity: entity(), columns: columns(), dedupeMode: mode(), visibility: isPrivate() ? 'PRIVATE' : 'WORKSPACE' });
  const [preview, setPreview] = createSignal<Awaited<ReturnType<typeof runPreview>>>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function runPreview() {
    // network-only: the preview matches the file against the records as they are now, which no mutation answer carries.
    const result = await client.query(PreviewQuery, { id: props.id, settings: settings() }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) {
      setError(errorMessage(result.error));
      return null;
    }
    setError(null);
    return result.data?.importPreview ?? null;
  }

  return (
    <Show when={row()} fallback={<ErrorNotice message={errorMessage(imported.error)} />}>
      {(loaded) => (
        <div class="stack">
          <p>
            <strong>{loaded().fileName}</strong>:{' '}
            {loaded().format === 'VCARD' ? 'vCard' : `CSV (${loaded().encoding}, “${loaded().delimiter === '\t' ? 'tab' : loaded().delimiter}”)`}
            <Show when={loaded().recognised}> — recognised: an export from {loaded().recognised}.</Show>
          </p>
          <label class="field">
            Import as
            <select
              value={entity()}
              onChange={(e) => {
                setEntity(e.currentTarget.value as ImportEntity);
                setColumns(loaded().headers.map(() => null));
                setPreview(null);
              }}
            >
              <option value="CONTACT">Contacts</option>
              <option value="COMPANY">Companies</option>
              <option value="DEAL">Deals</option>
            </select>
          </label>
          <div class="table-scroll">
            <table aria-label="Column mapping">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Imported as</th>
                </tr>
              </thead>
              <tbody>
                <For each={loaded().headers}>
                  {(header, i) => (
                    <tr>
                      <td>{header}</td>
                      <td>
                        <select
                          aria-label={`Field for column ${header}`}
                          value={columns()[i()] ?? ''}
                          onChange={(e) => {
                            const next = [...columns()];
                            next[i()] = e.currentTarget.value || null;
                            setColumns(next);
                            setPreview(null);
                          }}
                        >
                          <option value="" selected={!columns()[i()]}>
                            Leave out
                          </option>
                          {/* selected on each option: the list arrives after the select is drawn. */}
                          <For each={fields.data?.importFields ?? []}>
                            {(field) => (
                              <option value={field.key} selected={columns()[i()] === field.key}>
                                {field.label}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <fieldset>
            <legend>Records that already exist (or repeat in the file)</legend>
            <For each={MODES}>
              {(choice) => (
                <label class="inline">
                  <input
                    type="radio"
                    name="dedupe-mode"
                    checked={mode() === choice.mode}
                    onChange={() => {
                      setMode(choice.mode);
                      setPreview(null);
                    }}
                  />{' '}
                  {choice.label}
                </label>
              )}
            </For>
          </fieldset>
          <label class="inline">
            <input type="checkbox" checked={isPrivate()} onChange={(e) => setPrivate(e.currentTarget.checked)} /> Import as private records (visible to me)
          </label>
          <ErrorNotice message={error()} />
          <div class="row">
            <button
              type="button"
              disabled={busy()}
              onClick={async () => {
                setBusy(true);
                setPreview(await runPreview());
                setBusy(false);
              }}
            >
              Preview
            </button>
            <button
              type="button"
              class="primary"
              disabled={busy() || !preview()}
              onClick={async () => {
                setBusy(true);
                const result = await client.mutation(StartImport, { id: props.id, settings: settings() }).toPromise();
                setBusy(false);
                if (result.error) setError(errorMessage(result.error));
                else props.onStarted();
              }}
            >
              Start import
            </button>
          </div>
          <Show when={preview()}>
            {(p) => (
              <section aria-label="Preview" class="stack">
                <p role="status">
                  Of the first {p().rowsChecked} rows{p().complete ? ' (the whole file)' : ''}: {p().creates} new, {p().updates} to update, {p().skips} to skip,{' '}
                  {p().failures} with errors. {p().matchesInWorkspace} match existing records, {p().duplicatesInFile} repeat earlier rows.
                </p>
                <table aria-label="Preview rows">
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Action</th>
                      <th scope="col">As stored</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().rows}>
                      {(r) => (
                        <tr>
                          <td>{r.number}</td>
                          <td>{humanize(r.action)}</td>
                          <td>{r.errors.length ? r.errors.join(' ') : shown(r.values)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <Show when={p().failedRows.length > 0}>
                  <h3>Rows with errors</h3>
                  <ul aria-label="Rows with errors">
                    <For each={p().failedRows}>
                      {(r) => (
                        <li>
                          Row {r.number}: {r.errors.join(' ')}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
};

const Running: Component<{ id: string }> = (props) => {
  const client = useClient();
  const [progress, setProgress] = createSignal<ProgressRow | null>(null);
  const [undo, setUndo] = createSignal<{ done?: boolean; error?: string | null }>({});
  createEffect(() => {
    const { unsubscribe } = client.subscription(Progress, { id: props.id }).subscribe((result) => {
      if (result.data?.importProgress) setProgress(result.data.importProgress);
    });
    onCleanup(unsubscribe);
  });
  const finished = () => ['DONE', 'FAILED', 'UNDONE'].includes(progress()?.status ?? '');
  return (
    <section aria-label="Import progress" class="stack">
      <Show when={progress()} fallback={<p>Starting…</p>}>
        {(p) => (
          <>
            <p role="status">
              {humanize(p().status)}: {p().rowsRead} rows read, {p().createdCount} created, {p().updatedCount} updated, {p().skippedCount} skipped,{' '}
              {p().failedCount} failed.
            </p>
            <Show when={!finished()}>
              <progress aria-label="Rows imported" />
            </Show>
            <Show when={p().error}>
              <p class="error-text">{p().error}</p>
            </Show>
            <Show when={p().errorFileUrl}>
              {(url) => (
                <a href={sameOrigin(url())} download="">
                  Download the rows that failed (CSV)
                </a>
              )}
            </Show>
            <Show when={finished() && p().status !== 'UNDONE' && !undo().done}>
              <button
                type="button"
                onClick={async () => {
                  const result = await client.mutation(UndoImport, { id: props.id }).toPromise();
                  setUndo(result.error ? { error: errorMessage(result.error) } : { done: true });
                }}
              >
                Undo this import
              </button>
            </Show>
            <ErrorNotice message={undo().error} />
            <Show when={undo().done}>
              <p role="status">Undone: the imported records are in the trash, and updated ones have their previous values back.</p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const ImportScreen: Component = () => {
  const [stage, setStage] = createSignal<'pick' | 'map' | 'run'>('pick');
  const [id, setId] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);
  async function send(file: File | undefined) {
    if (!file) return;
    setError(null);
    setSent(0);
    const { upload, error: failed } = await uploadImportFile(file, setSent);
    setSent(null);
    if (failed || !upload) return setError(failed ?? 'Something went wrong.');
    setId(upload.id);
    setStage('map');
  }
  return (
    <Switch>
      <Match when={stage() === 'pick'}>
        <div
          class={`stack narrow drop-zone${dragging() ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void send(e.dataTransfer?.files[0]);
          }}
        >
          <p class="muted">
            Contacts, companies or deals from a CSV file (any spreadsheet or CRM export) or a vCard file (a phone's or Google's contacts). No row limit.
          </p>
          <label class="field">
            Choose or drop a file
            <input type="file" accept=".csv,.tsv,.txt,.vcf,text/csv,text/vcard" onChange={(e) => void send(e.currentTarget.files?.[0])} />
          </label>
          <Show when={sent() !== null}>
            <progress aria-label="Upload" max={1} value={sent() ?? 0} />
          </Show>
          <ErrorNotice message={error()} />
        </div>
      </Match>
      <Match when={stage() === 'map' && id()}>{(current) => <Mapping id={current()} onStarted={() => setStage('run')} />}</Match>
      <Match when={stage() === 'run' && id()}>{(current) => <Running id={current()} />}</Match>
    </Switch>
  );
};

const Import: Component = () => {
  const session = useSession();
  return (
    <SettingsFrame title="Import">
      <Show when={session.can('records:create')} fallback={<p>Only members who can create records can import them.</p>}>
        <ImportScreen />
      </Show>
    </SettingsFrame>
  );
};

export default Import;
