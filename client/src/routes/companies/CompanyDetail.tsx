import { CustomValues } from '../../components/CustomValues';
import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { For, Show, type Component } from 'solid-js';
import { InlineField } from '../../components/InlineField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { Attachments } from '../../components/Attachments';
import { Timeline } from '../../components/Timeline';
import { AiPanel } from '../../components/ai/AiPanel';
import { graphql } from '../../gql';
import type { CompanyInput } from '../../gql/graphql';
import { formatMoney } from '../../lib/format';
import { recordError, saveField } from '../../lib/record-page';
import { useSession } from '../../lib/session';
import { useRecordChanged } from '../../lib/live-record';

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
  const params = useParams();
  const session = useSession();
  const [result, refetch] = createQuery({ query: CompanyQuery, variables: () => ({ id: params.id! }) });
  const [, update] = createMutation(UpdateCompany);
  // Someone else's edit shows at once.
  useRecordChanged(() => params.id);
  const canEdit = () => session.can('records:update');
  const save = (input: CompanyInput) => saveField(() => update({ id: params.id!, input }));
  const text = (label: string, key: 'name' | 'domain' | 'website' | 'industry' | 'size' | 'city' | 'country') => (
    <InlineField label={label} value={result.data?.company[key]} canEdit={canEdit()} onSave={(v) => save({ [key]: key === 'name' ? v : v || null })} />
  );

  return (
    <section class="page detail-page">
      <p class="breadcrumb">
        <A href="/companies">Companies</A>
      </p>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={recordError(result.error, 'company')} onRetry={() => refetch()} />
      <Show when={result.data?.company}>
        {(company) => (
          <div class="detail">
            <div class="record">
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
              <Show when={company().contacts.edges.length > 0} fallback={<EmptyState title="No contacts at this company." />}>
                <ul class="plain-list">
                  <For each={company().contacts.edges}>
                    {(edge) => (
                      <li>
                        <A href={`/contacts/${edge.node.id}`}>{edge.node.name}</A> <span class="muted">{edge.node.jobTitle ?? ''}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h2>Deals ({company().deals.totalCount})</h2>
              <Show when={company().deals.edges.length > 0} fallback={<EmptyState title="No deals with this company." />}>
                <ul class="plain-list">
                  <For each={company().deals.edges}>
                    {(edge) => (
                      <li>
                        <A href={`/deals/${edge.node.id}`}>{edge.node.name}</A>{' '}
                        <span class="muted">
                          {edge.node.stage.name} · {formatMoney(edge.node.amount, edge.node.currency)}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <CustomValues entity="COMPANY" recordId={company().id} canEdit={session.can('records:update')} />
              <Attachments recordId={company().id} canUpload={session.can('files:upload')} onUploaded={() => refetch()} />
              <AiPanel recordId={company().id} kind="Company" items={company().timeline.edges.map((e) => e.node)} onChange={() => refetch()} />
            </div>
            <Timeline
              items={company().timeline.edges.map((e) => e.node)}
              noteTarget={{ companyId: company().id }}
              canWrite={session.can('records:create')}
              onChange={() => refetch()}
            />
          </div>
        )}
      </Show>
    </section>
  );
};

export default CompanyDetail;
