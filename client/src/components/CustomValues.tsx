import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { CustomFieldEntity, CustomFieldValueInput } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { ErrorNotice } from './States';

const ValuesQuery = graphql(`
  query CustomValues($id: ID!, $entity: CustomFieldEntity!) {
    customFields(entity: $entity) { id key label helpText type required options { id label colour } }
    workspace { id members { id user { id name } } }
    node(id: $id) {
      id
      ... on Contact { customFields { ...CustomValue } }
      ... on Company { customFields { ...CustomValue } }
      ... on Deal { customFields { ...CustomValue } }
    }
  }
  fragment CustomValue on CustomFieldValue {
    field { key }
    ... on CustomTextValue { text }
    ... on CustomNumberValue { number }
    ... on CustomCurrencyValue { amount currency }
    ... on CustomDateValue { date }
    ... on CustomDateTimeValue { dateTime }
    ... on CustomCheckboxValue { checked }
    ... on CustomSelectValue { option { id } }
    ... on CustomMultiSelectValue { options { id } }
    ... on CustomMemberValue { member { id } }
  }
`);
const SaveContact = graphql(
  `mutation SaveContactCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateContact(id: $id, input: { customFields: $values }) { id } }`,
);
const SaveCompany = graphql(
  `mutation SaveCompanyCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateCompany(id: $id, input: { customFields: $values }) { id } }`,
);
const SaveDeal = graphql(
  `mutation SaveDealCustom($id: ID!, $values: [CustomFieldValueInput!]) { updateDeal(id: $id, input: { customFields: $values }) { id } }`,
);

/** Form state per key: text for inputs, a list for multi selects, a flag for checkboxes. */
type Draft = Record<string, string | string[] | boolean>;

function draftOf(value: Record<string, unknown>): string | string[] | boolean {
  if ('checked' in value) return Boolean(value.checked);
  if ('options' in value) return (value.options as Array<{ id: string }>).map((o) => o.id);
  if ('option' in value) return (value.option as { id: string } | null)?.id ?? '';
  if ('member' in value) return (value.member as { id: string } | null)?.id ?? '';
  if ('amount' in value) return `${String(value.amount)} ${String(value.currency)}`;
  if ('dateTime' in value) return String(value.dateTime).slice(0, 16);
  return String(value.text ?? value.number ?? value.date ?? '');
}

function inputOf(key: string, type: string, draft: string | string[] | boolean | undefined): CustomFieldValueInput {
  if (draft === undefined || draft === '' || (Array.isArray(draft) && draft.length === 0)) return type === 'CHECKBOX' ? { key, checked: false } : { key };
  switch (type) {
    case 'NUMBER':
      return { key, number: Number(draft) };
    case 'CURRENCY': {
      const [amount, currency] = String(draft).trim().split(/\s+/);
      return { key, amount: Number(amount), currency: currency ?? '' };
    }
    case 'DATE':
      return { key, date: String(draft) };
    case 'DATETIME':
      return { key, dateTime: new Date(String(draft)).toISOString() };
    case 'CHECKBOX':
      return { key, checked: Boolean(draft) };
    case 'SELECT':
      return { key, optionId: String(draft) };
    case 'MULTI_SELECT':
      return { key, optionIds: draft as string[] };
    case 'MEMBER':
      return { key, memberId: String(draft) };
    default:
      return { key, text: String(draft) };
  }
}

const TEXT_INPUT: Record<string, string> = { URL: 'url', EMAIL: 'email', PHONE: 'tel', NUMBER: 'number', DATE: 'date', DATETIME: 'datetime-local' };

/** A record's custom fields, each with the input its type takes, saved together. */
export const CustomValues: Component<{ entity: CustomFieldEntity; recordId: string; canEdit: boolean }> = (props) => {
  const [result, refetch] = createQuery({ query: ValuesQuery, variables: () => ({ id: props.recordId, entity: props.entity }) });
  const [saving, save] = createMutation(props.entity === 'CONTACT' ? SaveContact : props.entity === 'COMPANY' ? SaveCompany : SaveDeal);
  const [draft, setDraft] = createSignal<Draft>({});
  const [saved, setSaved] = createSignal(false);
  createEffect(() => {
    const node = result.data?.node as { customFields?: Array<Record<string, unknown> & { field: { key: string } }> } | null | undefined;
    setDraft(Object.fromEntries((node?.customFields ?? []).map((v) => [v.field.key, draftOf(v)])));
  });
  const set = (key: string, value: string | string[] | boolean) => {
    setSaved(false);
    setDraft({ ...draft(), [key]: value });
  };

  return (
    <Show when={(result.data?.customFields.length ?? 0) > 0}>
      <form
        class="stack custom-values"
        aria-label="Custom fields"
        onSubmit={async (event) => {
          event.preventDefault();
          const values = (result.data?.customFields ?? []).map((f) => inputOf(f.key, f.type, draft()[f.key]));
          const outcome = await save({ id: props.recordId, values });
          setSaved(!outcome.error);
          if (!outcome.error) refetch();
        }}
      >
        <h2>Custom fields</h2>
        <For each={result.data?.customFields ?? []}>
          {(field) => {
            const id = `custom-${field.key}`;
            return (
              <div class="field">
                <label for={id}>
                  {field.label}
                  {field.required ? ' *' : ''}
                </label>
                <Switch
                  fallback={
                    <input
                      id={id}
                      type={TEXT_INPUT[field.type] ?? 'text'}
                      step={field.type === 'NUMBER' ? 'any' : undefined}
                      disabled={!props.canEdit}
                      value={String(draft()[field.key] ?? '')}
                      onInput={(e) => set(field.key, e.currentTarget.value)}
                    />
                  }
                >
                  <Match when={field.type === 'LONG_TEXT'}>
                    <textarea
                      id={id}
                      disabled={!props.canEdit}
                      value={String(draft()[field.key] ?? '')}
                      onInput={(e) => set(field.key, e.currentTarget.value)}
                    />
                  </Match>
                  <Match when={field.type === 'CHECKBOX'}>
                    <input
                      id={id}
                      type="checkbox"
                      disabled={!props.canEdit}
                      checked={Boolean(draft()[field.key])}
                      onChange={(e) => set(field.key, e.currentTarget.checked)}
                    />
                  </Match>
                  <Match when={field.type === 'SELECT' || field.type === 'MEMBER'}>
                    <select id={id} disabled={!props.canEdit} value={String(draft()[field.key] ?? '')} onChange={(e) => set(field.key, e.currentTarget.value)}>
                      <option value="">—</option>
                      <For
                        each={
                          field.type === 'SELECT'
                            ? field.options.map((o) => ({ id: o.id, label: o.label }))
                            : (result.data?.workspace.members ?? []).map((m) => ({ id: m.user.id, label: m.user.name }))
                        }
                      >
                        {(option) => <option value={option.id}>{option.label}</option>}
                      </For>
                    </select>
                  </Match>
                  <Match when={field.type === 'MULTI_SELECT'}>
                    <select
                      id={id}
                      multiple
                      disabled={!props.canEdit}
                      onChange={(e) =>
                        set(
                          field.key,
                          [...e.currentTarget.selectedOptions].map((o) => o.value),
                        )
                      }
                    >
                      <For each={field.options}>
                        {(option) => (
                          <option value={option.id} selected={(draft()[field.key] as string[] | undefined)?.includes(option.id)}>
                            {option.label}
                          </option>
                        )}
                      </For>
                    </select>
                  </Match>
                </Switch>
                <Show when={field.helpText || field.type === 'CURRENCY'}>
                  <small class="hint">
                    {field.type === 'CURRENCY' ? 'Amount and currency code, e.g. 1200 EUR. ' : ''}
                    {field.helpText}
                  </small>
                </Show>
              </div>
            );
          }}
        </For>
        <ErrorNotice message={errorMessage(saving.error)} />
        <Show when={saved()}>
          <p role="status">Custom fields saved.</p>
        </Show>
        <Show when={props.canEdit}>
          <button type="submit" disabled={saving.fetching}>
            Save custom fields
          </button>
        </Show>
      </form>
    </Show>
  );
};
