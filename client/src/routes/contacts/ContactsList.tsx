import { useClient } from '@urql/solid';
import { createSignal, Show, type Component } from 'solid-js';
import { CustomFilter } from '../../components/CustomFilter';
import { FirstRunPaths } from '../../components/FirstRun';
import { ListFrame } from '../../components/ListFrame';
import { RecordTable } from '../../components/RecordTable';
import { TagFilter } from '../../components/TagFilter';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { ContactFilter, ContactSort, ContactsPageQuery, LifecycleStage } from '../../gql/graphql';
import { ColumnPicker } from '../../components/views/ColumnPicker';
import { createListView } from '../../components/views/list-view';
import { ViewBar } from '../../components/views/ViewBar';
import { LIFECYCLE_STAGES } from '../../lib/enums';
import { formatDate, humanize } from '../../lib/format';
import { createPagedList, debounced } from '../../lib/paged';
import { useSession } from '../../lib/session';
import { NewContact } from './NewContact';
import { ExtractContact } from '../../components/ai/ExtractContact';

const ContactsPage = graphql(`
  query ContactsPage($first: Int!, $after: String, $filter: ContactFilter, $sort: ContactSort) {
    contacts(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name primaryEmail jobTitle lifecycleStage updatedAt company { id name } owner { id name } } }
    }
  }
`);

type Row = ContactsPageQuery['contacts']['edges'][number]['node'];

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', width: 'minmax(10rem, 2fr)', cell: (c) => c.name, sortField: 'NAME' },
  { key: 'email', label: 'Email', width: 'minmax(10rem, 2fr)', cell: (c) => c.primaryEmail ?? '', wide: true },
  { key: 'company', label: 'Company', width: 'minmax(8rem, 1.5fr)', cell: (c) => c.company?.name ?? '' },
  { key: 'stage', label: 'Stage', width: '8rem', cell: (c) => humanize(c.lifecycleStage), wide: true },
  { key: 'owner', label: 'Owner', width: 'minmax(7rem, 1fr)', cell: (c) => c.owner?.name ?? '', wide: true },
  { key: 'updated', label: 'Updated', width: '8rem', cell: (c) => formatDate(c.updatedAt), sortField: 'UPDATED_AT', wide: true },
];

const ContactsList: Component = () => {
  const client = useClient();
  const session = useSession();
  const [text, setText] = createSignal('');
  const [stage, setStage] = createSignal<LifecycleStage | ''>('');
  const [tag, setTag] = createSignal('');
  const views = createListView(columns, { field: 'NAME', direction: 'ASC' }, (f) => {
    setText((f.text as string) ?? '');
    setStage((f.lifecycleStage as LifecycleStage) ?? '');
    setTag((f.tagId as string) ?? '');
  });
  const { sort, setSort, custom, setCustom } = views;
  const search = debounced(text);
  const variables = () => ({
    filter: views.filter({ text: search() || null, lifecycleStage: stage() || null, tagId: tag() || null }) as ContactFilter,
    sort: sort() as ContactSort,
  });
  const list = createPagedList<Row>(variables, async (after) => {
    const result = await client.query(ContactsPage, { first: 100, after, ...variables() }, { requestPolicy: 'network-only' }).toPromise();
    const connection = result.data?.contacts;
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
      title="Contacts"
      total={list.total()}
      loading={list.loading()}
      error={list.error()}
      onRetry={list.reload}
      empty={list.rows().length === 0}
      emptyTitle={search() || stage() || tag() || custom() || views.view() ? 'No contacts match these filters.' : 'No contacts yet.'}
      emptyBody={
        <Show when={!search() && !stage() && !tag() && !custom() && !views.view()}>
          <FirstRunPaths onChanged={list.reload} />
        </Show>
      }
      views={<ViewBar list="CONTACT" noun="contacts" state={() => ({ ...variables(), columns: views.chosen() })} onOpen={views.open} />}
      actions={
        <Show when={session.can('records:create')}>
          <NewContact />
          <ExtractContact />
        </Show>
      }
      filters={
        <>
          <div class="field inline">
            <label for="contacts-search">Search</label>
            <input id="contacts-search" type="search" placeholder="Name, title or email" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="field inline">
            <label for="contacts-stage">Stage</label>
            <select id="contacts-stage" value={stage()} onChange={(e) => setStage(e.currentTarget.value as LifecycleStage | '')}>
              <option value="">Any</option>
              {LIFECYCLE_STAGES.map((s) => (
                <option value={s}>{humanize(s)}</option>
              ))}
            </select>
          </div>
          <TagFilter id="contacts-tag" value={tag()} onChange={setTag} />
          <CustomFilter entity="CONTACT" idPrefix="contacts" onChange={setCustom} />
          <ColumnPicker columns={columns} chosen={views.chosen()} onChange={views.setChosen} />
        </>
      }
    >
      <RecordTable kind="contact" label="Contacts" list={list} columns={views.columns()} title={(c) => c.name} href={(c) => `/contacts/${c.id}`} sort={sort()} onSort={setSort} />
    </ListFrame>
  );
};

export default ContactsList;
