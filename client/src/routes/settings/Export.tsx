import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import { QueryStates } from '../../components/settings/QueryStates';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { graphql } from '../../gql';
import type { ExportFormat } from '../../gql/graphql';
import { formatDateTime, humanize } from '../../lib/format';
import { sameOrigin } from '../../lib/record-links';
import { gatedScreen } from './parts';

const ExportsQuery = graphql(`
  query WorkspaceExports {
    workspaceExports(first: 20) {
      edges { node { id format status recordsDone recordsTotal byteSize createdAt finishedAt expiresAt downloadUrl error } }
    }
  }
`);
const RequestExport = graphql(`
  mutation RequestWorkspaceExport($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status } }
`);

const POLL_MS = 2_000;

function megabytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ExportScreen: Component = () => {
  const [result, refetch] = createQuery({ query: ExportsQuery });
  const [request, send] = createMutation(RequestExport);
  const [format, setFormat] = createSignal<ExportFormat>('JSON');
  const exports = () => result.data?.workspaceExports.edges.map((e) => e.node) ?? [];
  const reload = () => refetch();
  const underWay = () => exports().some((row) => row.status === 'QUEUED' || row.status === 'RUNNING');

  // Poll only while an export is being written.
  createEffect(() => {
    if (!underWay()) return;
    const timer = setInterval(reload, POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  return (
    <>
      <p class="muted">
        A zip archive of everything in this workspace: one file per record type (JSON Lines or CSV), the uploaded files, and a manifest with counts and
        checksums. You get an email when it is ready; it can be downloaded for 7 days.
      </p>
      <SettingsForm
        heading="Export the workspace"
        submit="Request export"
        state={request}
        disabled={underWay()}
        onSubmit={async () => {
          await send({ format: format() });
        }}
      >
        <fieldset>
          <legend>Format</legend>
          <For each={['JSON', 'CSV'] as ExportFormat[]}>
            {(value) => (
              <label class="inline">
                <input type="radio" name="export-format" value={value} checked={format() === value} onChange={() => setFormat(value)} />{' '}
                {value === 'JSON' ? 'JSON Lines' : 'CSV'}
              </label>
            )}
          </For>
        </fieldset>
      </SettingsForm>

      <h3>Exports</h3>
      <QueryStates result={result} onRetry={reload} empty="No exports yet." count={exports().length}>
        <SettingsTable
          label="Exports"
          headings={['Requested', 'Format', 'Status', 'Size', 'Available until', { label: 'Download', hidden: true }]}
          rows={exports()}
        >
          {(row) => (
            <tr>
              <td>{formatDateTime(row.createdAt)}</td>
              <td>{row.format}</td>
              <td>
                <Show when={row.status === 'RUNNING' || row.status === 'QUEUED'} fallback={humanize(row.status)}>
                  <label>
                    {humanize(row.status)}{' '}
                    <progress max={Math.max(row.recordsTotal, 1)} value={row.recordsDone}>
                      {row.recordsDone} of {row.recordsTotal}
                    </progress>
                  </label>
                </Show>
                <Show when={row.error}>
                  <span class="error-text"> {row.error}</span>
                </Show>
              </td>
              <td>{megabytes(row.byteSize)}</td>
              <td>{row.expiresAt ? formatDateTime(row.expiresAt) : ''}</td>
              <td>
                <Show when={row.downloadUrl}>
                  {(url) => (
                    <a href={sameOrigin(url())} download="">
                      Download
                      <span class="visually-hidden">
                        {' '}
                        the {row.format} export of {formatDateTime(row.createdAt)}
                      </span>
                    </a>
                  )}
                </Show>
              </td>
            </tr>
          )}
        </SettingsTable>
      </QueryStates>
    </>
  );
};

export default gatedScreen({ title: 'Export', permission: 'workspace:export', what: 'workspace exports' }, ExportScreen);
