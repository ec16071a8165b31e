import { useClient } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { ListFrame } from '../../components/ListFrame';
import { RecordTable } from '../../components/RecordTable';
import { TagFilter } from '../../components/TagFilter';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { CompaniesPageQuery, CompanyFilter, CompanySort } from '../../gql/graphql';
import { CustomFilter } from '../../components/CustomFilter';
import { ColumnPicker } from '../../components/views/ColumnPicker';
import { createListView } from '../../components/views/list-view';
import { ViewBar } from '../../components/views/ViewBar';

import { formatDate } from '../../lib/format';
import { createPagedList, debounced } from '../../lib/paged';
import { useSession } from '../../lib/session';
import { NewCompany } from './NewCompany';

const CompaniesPage = graphql(`
  query CompaniesPage($first: Int!, $after: String, $filter: CompanyFilter, $sort: CompanySort) {
    companies(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name domain industry city country updatedAt } }
    }
  }
`);

type Row = CompaniesPageQuery['companies']['edges'][number]['node'];

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', width: 'minmax(10rem, 2fr)', cell: (c) => c.name, sortField: 'NAME' },
  { key: 'domain', label: 'Domain', width: 'minmax(8rem, 1.5fr)', cell: (c) => c.domain ?? '' },
  { key: 'industry', label: 'Industry', width: 'minmax(8rem, 1fr)', cell: (c) => c.industry ?? '', wide: true },
  { key: 'location', label: 'Location', width: 'minmax(8rem, 1fr)', cell: (c) => [c.city, c.country].filter(Boolean).join(', '), wide: true },
  { key: 'updated', label: 'Updated', width: '8rem', cell: (c) => formatDate(c.updatedAt), sortField: 'UPDATED_AT', wide: true },
];

const CompaniesList: Component = () => {
  const client = useClient();
  const session = useSession();
  const [text, setText] = createSignal('');
  const [tag, setTag] = createSignal('');
  const views = createListView(columns, { field: 'NAME', direction: 'ASC' }, (f) => {
    setText((f.text as string) ?? '');
    setTag((f.tagId as string) ?? '');
  });
  const { sort, setSort, custom, setCustom } = views;
  const search = debounced(text);
  const variables = () => ({
    filter: views.filter({ text: search() || null, tagId: tag() || null }) as CompanyFilter,
    sort: sort() as CompanySort,
  });
  const list = createPagedList<Row>(variables, async (after) => {
    const result = await client.query(CompaniesPage, { first: 100, after, ...variables() }, { requestPolicy: 'network-only' }).toPromise();
    const connection = result.data?.companies;
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
      title="Companies"
      total={list.total()}
      loading={list.loading()}
      error={list.error()}
      onRetry={list.reload}
      empty={list.rows().length === 0}
      emptyTitle={search() || tag() || custom() || views.view() ? 'No companies match these filters.' : 'No companies yet.'}
      views={<ViewBar list="COMPANY" noun="companies" state={() => ({ ...variables(), columns: views.chosen() })} onOpen={views.open} />}
      actions={
        <Show when={session.can('records:create')}>
          <NewCompany />
        </Show>
      }
      filters={
        <>
          <div class="field inline">
            <label for="companies-search">Search</label>
            <input id="companies-search" type="search" placeholder="Name or domain" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <TagFilter id="companies-tag" value={tag()} onChange={setTag} />
          <CustomFilter entity="COMPANY" idPrefix="companies" onChange={setCustom} />
          <ColumnPicker columns={views.columns()} chosen={views.chosen()} onChange={views.setChosen} />
        </>
      }
    >
      <RecordTable kind="company" label="Companies" list={list} columns={columns} title={(c) => c.name} href={(c) => `/companies/${c.id}`} sort={sort()} onSort={setSort} />
    </ListFrame>
  );
};

export default CompaniesList;
