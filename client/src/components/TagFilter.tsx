import { createQuery } from '@urql/solid';
import { For, type Component } from 'solid-js';
import { graphql } from '../gql';

const FilterTags = graphql(`
  query FilterTags { tags { id name } }
`);

/** A list filter by one of the workspace's tags ('' = any); the choices follow tags created meanwhile. */
export const TagFilter: Component<{ id: string; value: string; onChange: (tagId: string) => void }> = (props) => {
  const [tags] = createQuery({ query: FilterTags });
  return (
    <div class="field inline">
      <label for={props.id}>Tag</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">Any</option>
        <For each={tags.data?.tags}>{(tag) => <option value={tag.id}>{tag.name}</option>}</For>
      </select>
    </div>
  );
};
