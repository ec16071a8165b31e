import { createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import { formatDateTime } from '../lib/format';
import { sameOrigin } from '../lib/record-links';
import { uploadFile } from '../lib/upload';
import { QueryStates } from './settings/QueryStates';
import { ErrorNotice } from './States';
import './panels.css';

const RecordFiles = graphql(`
  query RecordFiles($recordId: ID!) {
    attachments(recordId: $recordId, first: 50) {
      totalCount
      edges { node { id name size contentType downloadUrl createdAt uploadedBy { id name } } }
    }
  }
`);

export const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Files attached to a record: the list with download links, and an upload with a progress bar. */
export const Attachments: Component<{ recordId: string; canUpload: boolean; onUploaded?: () => void }> = (props) => {
  const [files, refetch] = createQuery({ query: RecordFiles, variables: () => ({ recordId: props.recordId }) });
  const [progress, setProgress] = createSignal<number | null>(null);
  const [uploading, setUploading] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const inputId = `upload-${props.recordId.replace(/\W/g, '')}`;

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setUploading(file.name);
    setProgress(0);
    const result = await uploadFile(props.recordId, file, setProgress);
    setUploading(null);
    setProgress(null);
    input.value = '';
    if (result.error) return setError(result.error);
    refetch();
    props.onUploaded?.();
  };

  return (
    <section class="files" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>
        Files
        <Show when={files.data}>
          <span class="count">{files.data!.attachments.totalCount}</span>
        </Show>
      </h2>
      <Show when={props.canUpload}>
        <div class="field">
          <label for={inputId}>Attach a file</label>
          <input id={inputId} type="file" disabled={uploading() !== null} onChange={(e) => void upload(e.currentTarget)} />
        </div>
      </Show>
      <Show when={uploading()}>
        <div class="upload-progress">
          <label for={`${inputId}-progress`}>Uploading {uploading()}</label>
          <progress id={`${inputId}-progress`} max="100" value={Math.round((progress() ?? 0) * 100)}>
            {Math.round((progress() ?? 0) * 100)}%
          </progress>
        </div>
      </Show>
      <ErrorNotice message={error()} />
      <QueryStates result={files} loading="Loading files…" onRetry={() => refetch()} empty="No files yet." count={files.data?.attachments.totalCount}>
        <ul class="file-list">
          <For each={files.data?.attachments.edges}>
            {(edge) => (
              <li>
                <a href={sameOrigin(edge.node.downloadUrl)} download={edge.node.name}>
                  {edge.node.name}
                </a>
                <span class="muted">
                  {formatSize(edge.node.size)} · {edge.node.uploadedBy?.name ?? 'Someone'} · {formatDateTime(edge.node.createdAt)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </QueryStates>
    </section>
  );
};
