import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show, type Component } from 'solid-js';
import { Field, SelectField } from '../../components/Field';
import { SettingsTable } from '../../components/settings/SettingsTable';
import { SettingsFrame } from '../../components/SettingsNav';
import { ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { CustomFieldEntity, CustomFieldType } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';

const FieldsQuery = graphql(`
  query CustomFieldSettings($entity: CustomFieldEntity!, $trash: Boolean) {
    customFields(entity: $entity, includeArchived: true, trash: $trash) { id key label helpText type required archivedAt deletedAt options { id label colour } }
  }
`);
const CreateField = graphql(`
  mutation CreateCustomFieldSetting($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key } }
`);
const UpdateField = graphql(`
  mutation UpdateCustomFieldSetting($id: ID!, $input: UpdateCustomFieldInput!) { updateCustomField(id: $id, input: $input) { id label archivedAt } }
`);
const DeleteField = graphql(`
  mutation DeleteCustomFieldSetting($id: ID!) { deleteCustomField(id: $id) { id deletedAt } }
`);
const RestoreField = graphql(`
  mutation RestoreCustomFieldSetting($id: ID!) { restoreCustomField(id: $id) { id deletedAt } }
`);
const AddOption = graphql(`
  mutation AddCustomFieldOptionSetting($id: ID!, $label: String!) { addCustomFieldOption(fieldId: $id, input: { label: $label }) { id options { id label } } }
`);

const ENTITIES: Array<[CustomFieldEntity, string]> = [
  ['CONTACT', 'Contacts'],
  ['COMPANY', 'Companies'],
  ['DEAL', 'Deals'],
];
const TYPES: CustomFieldType[] = [
  'TEXT',
  'LONG_TEXT',
  'NUMBER',
  'CURRENCY',
  'DATE',
  'DATETIME',
  'CHECKBOX',
  'SELECT',
  'MULTI_SELECT',
  'URL',
  'EMAIL',
  'PHONE',
  'MEMBER',
];
const isSelect = (type: string) => type === 'SELECT' || type === 'MULTI_SELECT';
const typeLabel = (type: string) => type.charAt(0) + type.slice(1).toLowerCase().replace('_', ' ');

const CustomFields: Component = () => {
  const [entity, setEntity] = createSignal<CustomFieldEntity>('CONTACT');
  const [trash, setTrash] = createSignal(false);
  const [result, refetch] = createQuery({ query: FieldsQuery, variables: () => ({ entity: entity(), trash: trash() }) });
  const [creating, create] = createMutation(CreateField);
  const [updating, update] = createMutation(UpdateField);
  const [, remove] = createMutation(DeleteField);
  const [, restore] = createMutation(RestoreField);
  const [adding, addOption] = createMutation(AddOption);
  const [label, setLabel] = createSignal('');
  const [type, setType] = createSignal<CustomFieldType>('TEXT');
  const [options, setOptions] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const reload = () => refetch();
  const run = async (action: Promise<{ error?: Parameters<typeof errorMessage>[0] }>) => {
    const outcome = await action;
    setError(errorMessage(outcome.error) ?? undefined);
    if (!outcome.error) reload();
    return !outcome.error;
  };
  const selects = () => isSelect(type());

  return (
    <SettingsFrame title="Custom fields">
      <div class="row" role="group" aria-label="Record kind">
        <For each={ENTITIES}>
          {([value, name]) => (
            <button type="button" aria-pressed={entity() === value} onClick={() => setEntity(value)}>
              {name}
            </button>
          )}
        </For>
        <label>
          <input type="checkbox" checked={trash()} onChange={(e) => setTrash(e.currentTarget.checked)} /> Deleted fields
        </label>
      </div>
      <Show when={result.fetching && !result.data}>
        <Loading />
      </Show>
      <ErrorNotice message={errorMessage(result.error) ?? error()} />
      <SettingsTable label="Custom fields" headings={['Label', 'Key', 'Type', 'Options', 'Actions']} rows={result.data?.customFields ?? []}>
        {(field) => (
          <tr>
            <td>
              {field.label}
              {field.archivedAt ? ' (archived)' : ''}
            </td>
            <td>
              <code>{field.key}</code>
            </td>
            <td>{typeLabel(field.type)}</td>
            <td>{field.options.map((o) => o.label).join(', ')}</td>
            <td class="row">
              <Show
                when={!field.deletedAt}
                fallback={
                  <button type="button" onClick={() => run(restore({ id: field.id }))}>
                    Restore {field.label}
                  </button>
                }
              >
                <button
                  type="button"
                  onClick={() => {
                    const next = prompt(`Rename ${field.label}`, field.label);
                    if (next?.trim()) void run(update({ id: field.id, input: { label: next.trim() } }));
                  }}
                  disabled={updating.fetching}
                >
                  Rename {field.label}
                </button>
                <button type="button" onClick={() => run(update({ id: field.id, input: { archived: !field.archivedAt } }))}>
                  {field.archivedAt ? 'Unarchive' : 'Archive'} {field.label}
                </button>
                <Show when={isSelect(field.type)}>
                  <button
                    type="button"
                    disabled={adding.fetching}
                    onClick={() => {
                      const next = prompt(`New option for ${field.label}`);
                      if (next?.trim()) void run(addOption({ id: field.id, label: next.trim() }));
                    }}
                  >
                    Add option to {field.label}
                  </button>
                </Show>
                <button type="button" class="danger" onClick={() => run(remove({ id: field.id }))}>
                  Delete {field.label}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </SettingsTable>
      <form
        class="stack narrow"
        onSubmit={async (event) => {
          event.preventDefault();
          const list = selects()
            ? options()
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean)
                .map((o) => ({ label: o }))
            : undefined;
          if (await run(create({ input: { entity: entity(), label: label().trim(), type: type(), options: list } }))) {
            setLabel('');
            setOptions('');
          }
        }}
      >
        <h2>Add a field</h2>
        <Field label="Field label" required value={label()} onInput={(e) => setLabel(e.currentTarget.value)} />
        <SelectField
          id="custom-field-type"
          label="Field type"
          value={type()}
          options={TYPES.map((t) => [t, typeLabel(t)] as const)}
          onChange={(t) => setType(t as CustomFieldType)}
        />
        <Show when={selects()}>
          <Field label="Options" hint="Comma-separated, in order." value={options()} onInput={(e) => setOptions(e.currentTarget.value)} />
        </Show>
        <button type="submit" class="primary" disabled={creating.fetching}>
          Add field
        </button>
      </form>
    </SettingsFrame>
  );
};

export default CustomFields;
