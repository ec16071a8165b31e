import type { Component } from 'solid-js';
import { RecordList } from '../../components/record-list/RecordList';
import type { Column } from '../../components/VirtualTable';
import { graphql } from '../../gql';
import type { CompaniesPageQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
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

const CompaniesList: Component = () => (
  <RecordList
    list="companies"
    query={CompaniesPage}
    search="Name or domain"
    records={{ entity: 'COMPANY', kind: 'company', columns }}
    create={() => <NewCompany />}
  />
);

export default CompaniesList;
