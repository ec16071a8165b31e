import { createQuery } from '@urql/solid';
import { Show, type Component } from 'solid-js';
import { Field, SelectField } from '../../../components/Field';
import { graphql } from '../../../gql';
import type { AuditFilters } from './audit-filters';

const ActorsQuery = graphql(`
  query AuditActors { workspace { id members { id user { id name } } } }
`);

const ACTIONS = [
  ['', 'Every action'],
  ['member.', 'Members and roles'],
  ['api_key.', 'API keys'],
  ['webhook.', 'Webhooks'],
  ['user.signed_in', 'Sign-ins'],
  ['contact.', 'Contact exports and erasures'],
  ['user.', 'Account exports and deletions'],
  ['workspace.', 'Workspace'],
] as const;

/** Filters by action, person and dates. */
export const AuditFilterForm: Component<{ filters: AuditFilters }> = (props) => {
  const [actors] = createQuery({ query: ActorsQuery });
  const people = () => [['', 'Anyone'] as const, ...(actors.data?.workspace.members ?? []).map((m) => [m.user.id, m.user.name] as const)];
  return (
    <form class="filters row" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
      <SelectField id="audit-action" label="Action" value={props.filters.value('action')} options={ACTIONS} onChange={(v) => props.filters.set('action', v)} />
      <SelectField id="audit-actor" label="Person" value={props.filters.value('actor')} options={people()} onChange={(v) => props.filters.set('actor', v)} />
      <Field id="audit-from" label="From" type="date" value={props.filters.value('from')} onChange={(e) => props.filters.set('from', e.currentTarget.value)} />
      <Field id="audit-to" label="To" type="date" value={props.filters.value('to')} onChange={(e) => props.filters.set('to', e.currentTarget.value)} />
      <Show when={props.filters.any()}>
        <button type="button" onClick={() => props.filters.clear()}>
          Clear filters
        </button>
      </Show>
    </form>
  );
};
