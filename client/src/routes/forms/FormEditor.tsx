import { A, useNavigate, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For, Index, Show, type Component } from 'solid-js';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/States';
import { graphql } from '../../gql';
import type { FormFieldTarget, FormFieldType } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { humanize } from '../../lib/format';
import { DEFAULT_FIELDS, FIELD_TARGETS, keyFromLabel, toInput, TYPES_FOR_TARGET, type DraftField } from '../../lib/form-fields';
import { recordError } from '../../lib/record-page';
import { useSession } from '../../lib/session';
import '../../components/panels.css';

const FormQuery = graphql(`
  query FormEditor($id: ID!) {
    form(id: $id) {
      id name isActive publicKey
      fields { key label type mapsTo required options customKey }
      submissions(first: 1) { totalCount }
    }
  }
`);
const CreateForm = graphql(`
  mutation CreateForm($input: CreateFormInput!) { createForm(input: $input) { id } }
`);
const UpdateForm = graphql(`
  mutation UpdateForm($id: ID!, $input: UpdateFormInput!) {
    updateForm(id: $id, input: $input) { id name isActive fields { key label type mapsTo required options customKey } }
  }
`);

/** Creates or edits a form: its name, whether it takes submissions, and fields mapped to contact fields. */
const FormEditor: Component = () => {
  const params = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const isNew = () => params.id === 'new';
  const [form, refetch] = createQuery({ query: FormQuery, variables: () => ({ id: params.id! }), pause: isNew });
  const [created, createForm] = createMutation(CreateForm);
  const [updated, updateForm] = createMutation(UpdateForm);
  const [name, setName] = createSignal('');
  const [active, setActive] = createSignal(true);
  const [fields, setFields] = createSignal<DraftField[]>(DEFAULT_FIELDS.map((f) => ({ ...f })));
  const [saved, setSaved] = createSignal<string | null>(null);
  const canEdit = () => session.can('forms:manage');

  createEffect(() => {
    const loaded = form.data?.form;
    if (!loaded || isNew()) return;
    setName(loaded.name);
    setActive(loaded.isActive);
    setFields(loaded.fields.map((f) => ({ ...f, options: f.options.join(', '), customKey: f.customKey ?? '' })));
  });

  const change = (index: number, patch: Partial<DraftField>) => setFields(fields().map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const move = (index: number, by: number) => {
    const list = [...fields()];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item!);
    setFields(list);
  };
  const add = () =>
    setFields([...fields(), { key: `field_${fields().length + 1}`, label: '', type: 'TEXT', mapsTo: 'NOTE', required: false, options: '', customKey: '' }]);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(null);
    const input = { name: name(), isActive: active(), fields: fields().map(toInput) };
    if (isNew()) {
      const result = await createForm({ input });
      if (result.data) navigate(`/form/${result.data.createForm.id}`, { replace: true });
    } else {
      const result = await updateForm({ id: params.id!, input });
      if (result.data) setSaved('Form saved.');
    }
  };

  return (
    <section class="page">
      <p class="breadcrumb">
        <A href="/forms">Forms</A>
      </p>
      <Show when={!isNew() && form.fetching && !form.data}>
        <Loading />
      </Show>
      <ErrorNotice message={isNew() ? null : recordError(form.error, 'form')} onRetry={() => refetch()} />
      <Show when={isNew() || form.data?.form}>
        <h1>{isNew() ? 'New form' : name() || 'Form'}</h1>
        <Show when={form.data?.form && !isNew()}>
          <p class="muted">
            {form.data!.form.submissions.totalCount} submissions · public page:{' '}
            <a href={`/f/${form.data!.form.publicKey}`} target="_blank" rel="noopener">
              {location.origin}/f/{form.data!.form.publicKey}
            </a>
          </p>
        </Show>
        <form class="stack form-editor" onSubmit={save}>
          <fieldset disabled={!canEdit()} class="stack">
            <legend>Form</legend>
            <Field label="Form name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            <label class="check">
              <input type="checkbox" checked={active()} onChange={(e) => setActive(e.currentTarget.checked)} /> Accepting submissions
            </label>
          </fieldset>
          <fieldset disabled={!canEdit()}>
            <legend>Fields</legend>
            <p class="hint">Exactly one required email field mapped to Email: it finds or creates the contact.</p>
            <ol class="form-fields">
              <Index each={fields()}>
                {(field, i) => (
                  <FieldRow
                    field={field()}
                    index={i}
                    count={fields().length}
                    onChange={change}
                    onMove={move}
                    onRemove={(at) => setFields(fields().filter((_, j) => j !== at))}
                  />
                )}
              </Index>
            </ol>
            <button type="button" onClick={add}>
              Add field
            </button>
          </fieldset>
          <ErrorNotice message={errorMessage(created.error ?? updated.error)} />
          <p role="status" class="muted">
            {saved()}
          </p>
          <Show when={canEdit()}>
            <button type="submit" class="primary" disabled={created.fetching || updated.fetching}>
              {isNew() ? 'Create form' : 'Save form'}
            </button>
          </Show>
        </form>
      </Show>
    </section>
  );
};

interface RowProps {
  field: DraftField;
  index: number;
  count: number;
  onChange: (index: number, patch: Partial<DraftField>) => void;
  onMove: (index: number, by: number) => void;
  onRemove: (index: number) => void;
}

const FieldRow: Component<RowProps> = (props) => {
  const n = () => props.index + 1;
  const types = () => TYPES_FOR_TARGET[props.field.mapsTo];
  return (
    <li class="form-field-row" aria-label={`Field ${n()}`}>
      <Field
        label={`Label of field ${n()}`}
        required
        value={props.field.label}
        onInput={(e) => {
          const label = e.currentTarget.value;
          const autoKey = props.field.key === keyFromLabel(props.field.label) || /^field_\d+$/.test(props.field.key);
          props.onChange(props.index, autoKey ? { label, key: keyFromLabel(label) } : { label });
        }}
      />
      <Field
        label={`Key of field ${n()}`}
        required
        pattern="[a-z][a-z0-9_]{0,39}"
        value={props.field.key}
        onInput={(e) => props.onChange(props.index, { key: e.currentTarget.value })}
      />
      <div class="field">
        <label for={`maps-${props.index}`}>Field {n()} fills</label>
        <select
          id={`maps-${props.index}`}
          value={props.field.mapsTo}
          onChange={(e) => {
            const mapsTo = e.currentTarget.value as FormFieldTarget;
            const allowed = TYPES_FOR_TARGET[mapsTo];
            props.onChange(props.index, {
              mapsTo,
              type: allowed.includes(props.field.type) ? props.field.type : allowed[0]!,
              ...(mapsTo === 'EMAIL' ? { required: true } : {}),
            });
          }}
        >
          <For each={FIELD_TARGETS}>{(t) => <option value={t}>{t === 'CUSTOM' ? 'Custom field' : humanize(t)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for={`type-${props.index}`}>Type of field {n()}</label>
        <select
          id={`type-${props.index}`}
          value={props.field.type}
          onChange={(e) => props.onChange(props.index, { type: e.currentTarget.value as FormFieldType })}
        >
          <For each={types()}>{(t) => <option value={t}>{humanize(t)}</option>}</For>
        </select>
      </div>
      <div class="actions">
        <label class="check">
          <input type="checkbox" checked={props.field.required} onChange={(e) => props.onChange(props.index, { required: e.currentTarget.checked })} /> Required
        </label>
        <button type="button" aria-label={`Move field ${n()} up`} disabled={props.index === 0} onClick={() => props.onMove(props.index, -1)}>
          ↑
        </button>
        <button type="button" aria-label={`Move field ${n()} down`} disabled={props.index === props.count - 1} onClick={() => props.onMove(props.index, 1)}>
          ↓
        </button>
        <button type="button" class="danger" aria-label={`Remove field ${n()}`} disabled={props.count === 1} onClick={() => props.onRemove(props.index)}>
          Remove
        </button>
      </div>
      <Show when={props.field.type === 'SELECT'}>
        <Field
          label={`Choices of field ${n()}`}
          hint="Separated by commas"
          value={props.field.options}
          onInput={(e) => props.onChange(props.index, { options: e.currentTarget.value })}
        />
      </Show>
      <Show when={props.field.mapsTo === 'CUSTOM'}>
        <Field
          label={`Custom field key of field ${n()}`}
          required
          value={props.field.customKey}
          onInput={(e) => props.onChange(props.index, { customKey: e.currentTarget.value })}
        />
      </Show>
    </li>
  );
};

export default FormEditor;
