import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Match, Show, Switch, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { BulkUpdateInput } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { useSession } from '../lib/session';
import { InlineError } from './States';

export type RecordKind = 'contact' | 'company' | 'deal';

const BulkChoices = graphql(`
  query BulkChoices($deals: Boolean!) {
    workspace { id members { id user { id name } } }
    tags { id name }
    pipelines @include(if: $deals) { id name stages { id name } }
  }
`);

const BulkUpdateRecords = graphql(`
  mutation BulkUpdateRecords($ids: [ID!]!, $input: BulkUpdateInput!) { bulkUpdateRecords(ids: $ids, input: $input) { count } }
`);

const CreateTag = graphql(`
  mutation CreateTag($name: String!) { createTag(name: $name) { id name } }
`);

type Action = 'owner' | 'addTag' | 'removeTag' | 'stage';
const VALUE_LABEL: Record<Action, string> = { owner: 'New owner', addTag: 'Tag to add', removeTag: 'Tag to remove', stage: 'New stage' };

/** One change (owner, a tag, or a deal's stage) applied to every selected record in one call. */
export const BulkUpdate: Component<{ ids: string[]; kind: RecordKind; onDone: (count: number) => void }> = (props) => {
  const session = useSession();
  const [choices] = createQuery({ query: BulkChoices, variables: () => ({ deals: props.kind === 'deal' }) });
  const [, update] = createMutation(BulkUpdateRecords);
  const [, createTag] = createMutation(CreateTag);
  const [action, setAction] = createSignal<Action>('owner');
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const tags = () => choices.data?.tags ?? [];

  /** The tag named in the box, created first when it is new (and the role may create tags). */
  const tagToAdd = async (): Promise<string | null> => {
    const name = value().trim();
    const known = tags().find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (known) return known.id;
    if (!session.can('tags:manage')) return (setError('There is no tag with that name.'), null);
    const created = await createTag({ name });
    if (created.error) return (setError(errorMessage(created.error)), null);
    return created.data!.createTag.id;
  };

  const apply = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    let input: BulkUpdateInput | null = null;
    if (action() === 'owner') input = { ownerId: value() };
    else if (action() === 'stage') input = { stageId: value() };
    else if (action() === 'removeTag') input = { removeTagIds: [value()] };
    else {
      const tagId = await tagToAdd();
      if (tagId) input = { addTagIds: [tagId] };
    }
    const result = input ? await update({ ids: props.ids, input }) : null;
    setBusy(false);
    if (result?.error) setError(errorMessage(result.error));
    else if (result) {
      setValue('');
      props.onDone(result.data?.bulkUpdateRecords.count ?? 0);
    }
  };

  return (
    <form class="bulk-update" onSubmit={apply}>
      <label for="bulk-action">Change</label>
      <select
        id="bulk-action"
        value={action()}
        onChange={(e) => {
          setAction(e.currentTarget.value as Action);
          setValue('');
        }}
      >
        <option value="owner">Owner</option>
        <option value="addTag">Add tag</option>
        <option value="removeTag">Remove tag</option>
        <Show when={props.kind === 'deal'}>
          <option value="stage">Stage</option>
        </Show>
      </select>
      <label for="bulk-value" class="visually-hidden">
        {VALUE_LABEL[action()]}
      </label>
      <Switch>
        <Match when={action() === 'addTag'}>
          <input id="bulk-value" list="bulk-tags" required placeholder="Tag name" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
          <datalist id="bulk-tags">
            <For each={tags()}>{(tag) => <option value={tag.name} />}</For>
          </datalist>
        </Match>
        <Match when={true}>
          <select id="bulk-value" required value={value()} onChange={(e) => setValue(e.currentTarget.value)}>
            <option value="">Choose…</option>
            <Switch>
              <Match when={action() === 'owner'}>
                <For each={choices.data?.workspace?.members}>{(m) => <option value={m.user.id}>{m.user.name}</option>}</For>
              </Match>
              <Match when={action() === 'removeTag'}>
                <For each={tags()}>{(tag) => <option value={tag.id}>{tag.name}</option>}</For>
              </Match>
              <Match when={action() === 'stage'}>
                <For each={choices.data?.pipelines}>
                  {(pipeline) => (
                    <optgroup label={pipeline.name}>
                      <For each={pipeline.stages}>{(stage) => <option value={stage.id}>{stage.name}</option>}</For>
                    </optgroup>
                  )}
                </For>
              </Match>
            </Switch>
          </select>
        </Match>
      </Switch>
      <button type="submit" disabled={busy() || !value().trim()}>
        Apply to {props.ids.length}
      </button>
      <InlineError message={error()} />
    </form>
  );
};
