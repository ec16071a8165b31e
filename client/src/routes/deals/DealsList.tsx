import { A } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { ListFrame } from '../../components/ListFrame';
import { RecordTable } from '../../components/RecordTable';
import { TagFilter } from '../../components/TagFilter';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { DealFilter, DealSort, DealStatus, DealsPageQuery } from '../../gql/graphql';
import { CustomFilter } from '../../components/CustomFilter';
import { ColumnPicker } from '../../components/views/ColumnPicker';
import { createListView } from '../../components/views/list-view';
import { ViewBar } from '../../components/views/ViewBar';

import { formatDate, formatMoney, humanize } from '../../lib/format';
import { createPagedList, debounced } from '../../lib/paged';
import { useSession } from '../../lib/session';
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

const DealsList: Component = () => {
  const client = useClient();
  const session = useSession();
  const [text, setText] = createSignal('');
  const [status, setStatus] = createSignal<DealStatus | ''>('');
  const [tag, setTag] = createSignal('');
  const views = createListView(columns, { field: 'NAME', direction: 'ASC' }, (f) => {
    setText((f.text as string) ?? '');
    setStatus((f.status as DealStatus) ?? '');
    setTag((f.tagId as string) ?? '');
  });
  const { sort, setSort, custom, setCustom } = views;
  const search = debounced(text);
  const variables = () => ({
    filter: views.filter({ text: search() || null, status: status() || null, tagId: tag() || null }) as DealFilter,
    sort: sort() as DealSort,
  });
  const list = createPagedList<Row>(variables, async (after) => {
    const result = await client.query(DealsPage, { first: 100, after, ...variables() }, { requestPolicy: 'network-only' }).toPromise();
    const connection = result.data?.deals;
    return {
      error: result.error,
      page: connection && {
        rows: connection.edges.map((e) => e.node),
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
        totalCount: connection.totalCount,
      },
    };
  });

  return (
    <ListFrame
      title="Deals"
      total={list.total()}
      loading={list.loading()}
      error={list.error()}
      onRetry={list.reload}
      empty={list.rows().length === 0}
      emptyTitle={search() || status() || tag() || custom() || views.view() ? 'No deals match these filters.' : 'No deals yet.'}
      views={<ViewBar list="DEAL" noun="deals" state={() => ({ ...variables(), columns: views.chosen() })} onOpen={views.open} />}
      actions={
        <>
          <A href="/deals/board" class="button">
            Board view
          </A>
          <Show when={session.can('records:create')}>
            <NewDeal />
          </Show>
        </>
      }
      filters={
        <>
          <div class="field inline">
            <label for="deals-search">Search</label>
            <input id="deals-search" type="search" placeholder="Deal name" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="field inline">
            <label for="deals-status">Status</label>
            <select id="deals-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as DealStatus | '')}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option value={s}>{humanize(s)}</option>
              ))}
            </select>
          </div>
          <TagFilter id="deals-tag" value={tag()} onChange={setTag} />
          <CustomFilter entity="DEAL" idPrefix="deals" onChange={setCustom} />
          <ColumnPicker columns={views.columns()} chosen={views.chosen()} onChange={views.setChosen} />
        </>
      }
    >
      <RecordTable kind="deal" label="Deals" list={list} columns={columns} title={(d) => d.name} href={(d) => `/deals/${d.id}`} sort={sort()} onSort={setSort} />
    </ListFrame>
  );
};

export default DealsList;
