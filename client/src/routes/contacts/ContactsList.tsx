import type { Component } from 'solid-js';
import { ExtractContact } from '../../components/ai/ExtractContact';
import { FirstRunPaths } from '../../components/FirstRun';
import { humanized } from '../../components/Field';
import { RecordList } from '../../components/record-list/RecordList';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { ContactsPageQuery } from '../../gql/graphql';
import { LIFECYCLE_STAGES } from '../../lib/enums';
import { formatDate, humanize } from '../../lib/format';
import { NewContact } from './NewContact';

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

const stage = { id: 'stage', key: 'lifecycleStage', label: 'Stage', any: true, options: humanized(LIFECYCLE_STAGES) };

const ContactsList: Component = () => (
  <RecordList
    list="contacts"
    query={ContactsPage}
    search="Name, title or email"
    choices={[stage]}
    records={{ entity: 'CONTACT', kind: 'contact', columns }}
    emptyBody={(list) => <FirstRunPaths onChanged={list.reload} />}
    create={() => (
      <>
        <NewContact />
        <ExtractContact />
      </>
    )}
  />
);

export default ContactsList;
