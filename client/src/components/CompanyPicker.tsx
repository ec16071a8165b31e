import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, type Component } from 'solid-js';
import { graphql } from '../gql';
import { InlineField } from './InlineField';

const CompanyOptions = graphql(`
  query CompanyOptions {
    companies(first: 100, sort: { field: NAME, direction: ASC }) { edges { node { id name } } }
  }
`);

/** A labelled select of the workspace's companies (the first 100 by name). */
export const CompanyPicker: Component<{ id: string; value: string; onChange: (id: string) => void; label?: string }> = (props) => {
  const [companies] = createQuery({ query: CompanyOptions });
  return (
    <div class="field">
      <label for={props.id}>{props.label ?? 'Company'}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {/* `selected` per option: the list arrives after the select's value is set. */}
        <option value="" selected={!props.value}>
          None
        </option>
        <For each={companies.data?.companies.edges}>
          {(edge) => (
            <option value={edge.node.id} selected={edge.node.id === props.value}>
              {edge.node.name}
            </option>
          )}
        </For>
      </select>
    </div>
  );
};

/** A record's company, read-only, linked to the company's page. */
export const CompanyField: Component<{ company?: { id: string; name: string } | null }> = (props) => (
  <InlineField
    label="Company"
    value={props.company?.name}
    display={props.company && <A href={`/companies/${props.company.id}`}>{props.company.name}</A>}
    canEdit={false}
    onSave={() => Promise.resolve(null)}
  />
);
