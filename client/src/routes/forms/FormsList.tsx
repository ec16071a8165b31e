import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show, type Component } from 'solid-js';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import '../../components/panels.css';

const FormsQuery = graphql(`
  query FormsList {
    forms(first: 100) {
      totalCount
      edges { node { id name isActive publicKey createdAt fields { key } submissions(first: 1) { totalCount } } }
    }
  }
`);

/** The workspace's forms, each with its public page and submission count. */
const FormsList: Component = () => {
  const session = useSession();
  const [result, refetch] = createQuery({ query: FormsQuery, requestPolicy: 'cache-and-network' });
  return (
    <section class="page">
      <div class="page-head">
        <h1>
          Forms
          <Show when={result.data}>
            <span class="count">{result.data!.forms.totalCount}</span>
          </Show>
        </h1>
        <Show when={session.can('forms:manage')}>
          <A class="button primary" href="/form/new">
            New form
          </A>
        </Show>
      </div>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(result.error)} onRetry={() => refetch()} />
      <Show when={result.data?.forms.totalCount === 0}>
        <EmptyState title="No forms yet.">
          <p class="muted">A form collects contacts from your website: each answer fills a contact field.</p>
        </EmptyState>
      </Show>
      <Show when={result.data && result.data.forms.totalCount > 0}>
        <table class="simple" aria-label="Forms">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" class="wide">
                Fields
              </th>
              <th scope="col">Submissions</th>
              <th scope="col">Public page</th>
              <th scope="col" class="wide">
                Created
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={result.data!.forms.edges}>
              {(edge) => (
                <tr>
                  <td>
                    <A href={`/form/${edge.node.id}`}>{edge.node.name}</A>
                  </td>
                  <td>{edge.node.isActive ? 'Active' : 'Inactive'}</td>
                  <td class="wide">{edge.node.fields.length}</td>
                  <td>{edge.node.submissions.totalCount}</td>
                  <td>
                    <a href={`/f/${edge.node.publicKey}`} target="_blank" rel="noopener" aria-label={`Public page of ${edge.node.name}`}>
                      Open
                    </a>
                  </td>
                  <td class="wide">{formatDate(edge.node.createdAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
};

export default FormsList;
