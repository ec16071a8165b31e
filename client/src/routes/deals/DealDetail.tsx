import { CustomValues } from '../../components/CustomValues';
import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { InlineField } from '../../components/InlineField';
import { ErrorNotice, Loading } from '../../components/States';
import { Attachments } from '../../components/Attachments';
import { Timeline } from '../../components/Timeline';
import { AiPanel } from '../../components/ai/AiPanel';
import { graphql } from '../../gql';
import type { DealInput } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatMoney, humanize, toMinorUnits } from '../../lib/format';
import { recordError, saveField } from '../../lib/record-page';
import { useSession } from '../../lib/session';
import { useRecordChanged } from '../../lib/live-record';

const DealQuery = graphql(`
  query DealDetail($id: ID!) {
    deal(id: $id) {
      id name amount currency status expectedCloseDate
      stage { id name }
      pipeline { id name stages { id name } }
      company { id name }
      owner { id name }
      timeline(first: 50) { edges { node { ...TimelineEntry } } }
    }
  }
`);

const UpdateDeal = graphql(`
  mutation UpdateDeal($id: ID!, $input: DealInput!) {
    updateDeal(id: $id, input: $input) { id name amount amountMinor currency expectedCloseDate updatedAt }
  }
`);

const MoveDealFromPage = graphql(`
  mutation MoveDealFromPage($id: ID!, $stageId: ID!) {
    moveDeal(id: $id, stageId: $stageId) { id status stage { id name } }
  }
`);

const DealDetail: Component = () => {
  const params = useParams();
  const session = useSession();
  const [result, refetch] = createQuery({ query: DealQuery, variables: () => ({ id: params.id! }) });
  const [, update] = createMutation(UpdateDeal);
  // Someone else's edit shows at once.
  useRecordChanged(() => params.id);
  const [, move] = createMutation(MoveDealFromPage);
  const canEdit = () => session.can('records:update');
  const save = (input: DealInput) => saveField(() => update({ id: params.id!, input }));
  const reload = () => refetch();

  return (
    <section class="page detail-page">
      <p class="breadcrumb">
        <A href="/deals">Deals</A> · <A href="/deals/board">Board</A>
      </p>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={recordError(result.error, 'deal')} onRetry={reload} />
      <Show when={result.data?.deal}>
        {(deal) => (
          <div class="detail">
            <div class="record">
              <h1>{deal().name}</h1>
              <p class="muted">
                {humanize(deal().status)} · {deal().pipeline.name}
              </p>
              <div class="fields">
                <InlineField label="Name" value={deal().name} canEdit={canEdit()} onSave={(v) => save({ name: v })} />
                <InlineField
                  label="Amount"
                  value={deal().amount}
                  display={formatMoney(deal().amount, deal().currency)}
                  canEdit={canEdit()}
                  onSave={async (v) => {
                    const amountMinor = v ? toMinorUnits(v, deal().currency) : null;
                    if (v && amountMinor === null) return 'Enter the amount as a number, e.g. 1200.50.';
                    return save({ amountMinor });
                  }}
                />
                <InlineField label="Currency" value={deal().currency} canEdit={canEdit()} onSave={(v) => save({ currency: v.toUpperCase() })} />
                <InlineField
                  label="Stage"
                  type="select"
                  value={deal().stage.id}
                  display={deal().stage.name}
                  options={deal().pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
                  canEdit={canEdit()}
                  onSave={async (stageId) => {
                    const moved = await move({ id: deal().id, stageId });
                    return errorMessage(moved.error);
                  }}
                />
                <InlineField
                  label="Expected close"
                  type="date"
                  value={deal().expectedCloseDate}
                  display={formatDate(deal().expectedCloseDate)}
                  canEdit={canEdit()}
                  onSave={(v) => save({ expectedCloseDate: v || null })}
                />
                <InlineField
                  label="Company"
                  value={deal().company?.name}
                  display={deal().company && <A href={`/companies/${deal().company!.id}`}>{deal().company!.name}</A>}
                  canEdit={false}
                  onSave={() => Promise.resolve(null)}
                />
                <InlineField label="Owner" value={deal().owner?.name} canEdit={false} onSave={() => Promise.resolve(null)} />
              </div>
              <CustomValues entity="DEAL" recordId={deal().id} canEdit={session.can('records:update')} />
              <Attachments recordId={deal().id} canUpload={session.can('files:upload')} onUploaded={() => refetch()} />
              <AiPanel recordId={deal().id} kind="Deal" items={deal().timeline.edges.map((e) => e.node)} onChange={() => refetch()} />
            </div>
            <Timeline
              items={deal().timeline.edges.map((e) => e.node)}
              noteTarget={{ dealId: deal().id }}
              canWrite={session.can('records:create')}
              onChange={reload}
            />
          </div>
        )}
      </Show>
    </section>
  );
};

export default DealDetail;
