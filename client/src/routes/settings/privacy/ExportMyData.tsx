import { createMutation } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { ErrorNotice } from '../../../components/States';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/errors';

const ExportData = graphql(`
  mutation RequestMyDataExport { requestMyDataExport }
`);

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads your account's data as one JSON file. */
export const ExportMyData: Component = () => {
  const [state, requestExport] = createMutation(ExportData);
  const [done, setDone] = createSignal(false);
  return (
    <section aria-labelledby="export-heading" class="stack narrow">
      <h3 id="export-heading">Export my data</h3>
      <p class="muted">Your profile, preferences, memberships, sessions, usage and security log, as a JSON file.</p>
      <ErrorNotice message={errorMessage(state.error)} />
      <Show when={done()}>
        <p role="status">Your export was downloaded.</p>
      </Show>
      <div>
        <button
          type="button"
          disabled={state.fetching}
          onClick={async () => {
            setDone(false);
            const result = await requestExport({});
            if (!result.data) return;
            download(`kith-my-data-${new Date().toISOString().slice(0, 10)}.json`, result.data.requestMyDataExport);
            setDone(true);
          }}
        >
          {state.fetching ? 'Preparing…' : 'Export my data'}
        </button>
      </div>
    </section>
  );
};
