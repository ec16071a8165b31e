import { A } from '@solidjs/router';
import type { Component } from 'solid-js';
import { humanized } from '../../components/Field';
import { RecordList } from '../../components/record-list/RecordList';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { DealStatus, DealsPageQuery } from '../../gql/graphql';
import { formatDate, formatMoney } from '../../lib/format';
import { NewDeal } from './NewDeal';

const DealsPage = graphql(`
  query DealsPage($first: Int!, $after: String, $filter: DealFilter, $sort: DealSort) {
    deals(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name amount currency status expectedCloseDate stage { id name } company { id name } owner { id name } } }
    }
  }
`);

type Row = DealsPageQuery['deals']['edges'][number]['node'];
const STATUSES: DealStatus[] = ['OPEN', 'WON', 'LOST'];

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', width: 'minmax(10rem, 2fr)', cell: (d) => d.name, sortField: 'NAME' },
  { key: 'amount', label: 'Amount', width: '9rem', cell: (d) => formatMoney(d.amount, d.currency), sortField: 'AMOUNT' },
  { key: 'stage', label: 'Stage', width: 'minmax(7rem, 1fr)', cell: (d) => d.stage.name },
  { key: 'company', label: 'Company', width: 'minmax(8rem, 1.5fr)', cell: (d) => d.company?.name ?? '', wide: true },
  { key: 'owner', label: 'Owner', width: 'minmax(7rem, 1fr)', cell: (d) => d.owner?.name ?? '', wide: true },
  { key: 'closeDate', label: 'Close date', width: '8rem', cell: (d) => formatDate(d.expectedCloseDate), sortField: 'CLOSE_DATE', wide: true },
];

const status = { id: 'status', key: 'status', label: 'Status', any: true, options: humanized(STATUSES) };

const DealsList: Component = () => (
  <RecordList
    list="deals"
    query={DealsPage}
    search="Deal name"
    choices={[status]}
    records={{ entity: 'DEAL', kind: 'deal', columns }}
    actions={
      <A href="/deals/board" class="button">
        Board view
      </A>
    }
    create={() => <NewDeal />}
  />
);

export default DealsList;
