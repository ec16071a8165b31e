import { createQuery } from '@urql/solid';
import { createEffect, createSignal, For, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { CustomFieldEntity, CustomFieldFilter } from '../gql/graphql';

const FilterFields = graphql(`
  query CustomFilterFields($entity: CustomFieldEntity!) { customFields(entity: $entity) { id key label type options { id label } } }
`);

const TEXT_TYPES = new Set(['TEXT', 'LONG_TEXT', 'URL', 'EMAIL', 'PHONE']);

/** One condition on a custom field: a select's option, a checkbox, text contained, or an exact number or date. */
export const CustomFilter: Component<{ entity: CustomFieldEntity; idPrefix: string; onChange: (filter: CustomFieldFilter | null) => void }> = (props) => {
  const [result] = createQuery({ query: FilterFields, variables: () => ({ entity: props.entity }) });
  const [key, setKey] = createSignal('');
  const [value, setValue] = createSignal('');
  const field = () => result.data?.customFields.find((f) => f.key === key());
  createEffect(() => {
    const f = field();
    const v = value();
    if (!f || v === '') return props.onChange(null);
    if (f.type === 'SELECT' || f.type === 'MULTI_SELECT') return props.onChange({ key: f.key, op: 'EQ', optionId: v });
    if (f.type === 'CHECKBOX') return props.onChange({ key: f.key, op: 'EQ', checked: v === 'yes' });
    if (TEXT_TYPES.has(f.type)) return props.onChange({ key: f.key, op: 'CONTAINS', text: v });
    if (f.type === 'NUMBER' && Number.isFinite(Number(v))) return props.onChange({ key: f.key, op: 'EQ', number: Number(v) });
    if (f.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return props.onChange({ key: f.key, op: 'EQ', date: v });
    return props.onChange(null);
  });

  return (
    <Show when={(result.data?.customFields.length ?? 0) > 0}>
      <div class="field inline">
        <label for={`${props.idPrefix}-custom-field`}>Custom field</label>
        <select
          id={`${props.idPrefix}-custom-field`}
          value={key()}
          onChange={(e) => {
            setKey(e.currentTarget.value);
            setValue('');
          }}
        >
          <option value="">None</option>
          <For each={result.data?.customFields ?? []}>{(f) => <option value={f.key}>{f.label}</option>}</For>
        </select>
      </div>
      <Show when={field()}>
        {(f) => (
          <div class="field inline">
            <label for={`${props.idPrefix}-custom-value`}>{f().label} is</label>
            <Show
              when={f().type === 'SELECT' || f().type === 'MULTI_SELECT' || f().type === 'CHECKBOX'}
              fallback={
                <input
                  id={`${props.idPrefix}-custom-value`}
                  type={f().type === 'DATE' ? 'date' : f().type === 'NUMBER' ? 'number' : 'search'}
                  value={value()}
                  onInput={(e) => setValue(e.currentTarget.value)}
                />
              }
            >
              <select id={`${props.idPrefix}-custom-value`} value={value()} onChange={(e) => setValue(e.currentTarget.value)}>
                <option value="">Any</option>
                <For
                  each={
                    f().type === 'CHECKBOX'
                      ? [
                          { id: 'yes', label: 'Yes' },
                          { id: 'no', label: 'No' },
                        ]
                      : f().options
                  }
                >
                  {(o) => <option value={o.id}>{o.label}</option>}
                </For>
              </select>
            </Show>
          </div>
        )}
      </Show>
    </Show>
  );
};
