import { A } from '@solidjs/router';
import { For, Show, type Component, type JSX } from 'solid-js';
import { InlineField } from '../../components/InlineField';
import { RecordDetail, RecordPage } from '../../components/RecordDetail';
import { EmptyState } from '../../components/States';
import { graphql } from '../../gql';
import { formatMoney } from '../../lib/format';
import { useRecordPage } from '../../lib/record-page';

const CompanyQuery = graphql(`
  query CompanyDetail($id: ID!) {
    company(id: $id) {
      id name domain website industry size phone city country owner { id name }
      contacts(first: 20) { totalCount edges { node { id name jobTitle } } }
      deals(first: 20) { totalCount edges { node { id name amount currency stage { id name } } } }
      timeline(first: 50) { edges { node { ...TimelineEntry } } }
    }
  }
`);

const UpdateCompany = graphql(`
  mutation UpdateCompany($id: ID!, $input: CompanyInput!) {
    updateCompany(id: $id, input: $input) { id name domain website industry size phone city country updatedAt }
  }
`);

const CompanyDetail: Component = () => {
  const { result, reload, canEdit, save } = useRecordPage(CompanyQuery, UpdateCompany);
  const text = (label: string, key: 'name' | 'domain' | 'website' | 'industry' | 'size' | 'city' | 'country') => (
    <InlineField label={label} value={result.data?.company[key]} canEdit={canEdit()} onSave={(v) => save({ [key]: key === 'name' ? v : v || null })} />
  );

  return (
    <RecordPage breadcrumb={<A href="/companies">Companies</A>} noun="company" result={result} record={result.data?.company} onRetry={reload}>
      {(company) => (
        <RecordDetail kind="Company" record={company()} onChange={reload}>
          <h1>{company().name}</h1>
          <div class="fields">
            {text('Name', 'name')}
            {text('Domain', 'domain')}
            {text('Website', 'website')}
            {text('Industry', 'industry')}
            {text('Size', 'size')}
            {text('City', 'city')}
            {text('Country', 'country')}
          </div>
          <h2>People ({company().contacts.totalCount})</h2>
          <Related edges={company().contacts.edges} empty="No contacts at this company.">
            {(contact) => (
              <>
                <A href={`/contacts/${contact.id}`}>{contact.name}</A> <span class="muted">{contact.jobTitle ?? ''}</span>
              </>
            )}
          </Related>
          <h2>Deals ({company().deals.totalCount})</h2>
          <Related edges={company().deals.edges} empty="No deals with this company.">
            {(deal) => (
              <>
                <A href={`/deals/${deal.id}`}>{deal.name}</A>{' '}
                <span class="muted">
                  {deal.stage.name} · {formatMoney(deal.amount, deal.currency)}
                </span>
              </>
            )}
          </Related>
        </RecordDetail>
      )}
    </RecordPage>
  );
};

/** The company's contacts or deals, one line each. */
function Related<Node>(props: { edges: readonly { node: Node }[]; empty: string; children: (node: Node) => JSX.Element }): JSX.Element {
  return (
    <Show when={props.edges.length > 0} fallback={<EmptyState title={props.empty} />}>
      <ul class="plain-list">
        <For each={props.edges}>{(edge) => <li>{props.children(edge.node)}</li>}</For>
      </ul>
    </Show>
  );
}

export default CompanyDetail;
