import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { Component } from 'solid-js';
import { CompanyField } from '../../components/CompanyPicker';
import { InlineField } from '../../components/InlineField';
import { RecordDetail, RecordPage } from '../../components/RecordDetail';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatMoney, humanize, toMinorUnits } from '../../lib/format';
import { useRecordPage } from '../../lib/record-page';

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
  const { result, reload, canEdit, save } = useRecordPage(DealQuery, UpdateDeal);
  const [, move] = createMutation(MoveDealFromPage);

  return (
    <RecordPage
      breadcrumb={
        <>
          <A href="/deals">Deals</A> · <A href="/deals/board">Board</A>
        </>
      }
      noun="deal"
      result={result}
      record={result.data?.deal}
      onRetry={reload}
    >
      {(deal) => (
        <RecordDetail kind="Deal" record={deal()} onChange={reload}>
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
            <CompanyField company={deal().company} />
            <InlineField label="Owner" value={deal().owner?.name} canEdit={false} onSave={() => Promise.resolve(null)} />
          </div>
        </RecordDetail>
      )}
    </RecordPage>
  );
};

export default DealDetail;
