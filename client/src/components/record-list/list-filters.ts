import { createSignal } from 'solid-js';
import { debounced } from '../../lib/paged';
import type { Filter } from '../views/view-state';
import type { Choice } from './ToolbarFields';

/** What a list's toolbar holds: the search text (debounced), its selects and, for records, the tag. */
export function createListFilters(options: { search: boolean; tag: boolean; choices: Choice[] }) {
  const [text, setText] = createSignal('');
  const [tag, setTag] = createSignal('');
  const [values, setValues] = createSignal<Record<string, string>>(Object.fromEntries(options.choices.map((c) => [c.key, c.initial ?? ''])));
  const search = debounced(text);
  const value = (key: string) => values()[key] ?? '';
  return {
    text,
    setText,
    tag,
    setTag,
    search,
    value,
    setValue: (key: string, next: string) => setValues({ ...values(), [key]: next }),
    /** The toolbar's part of the list's filter. */
    filter: (): Filter => ({
      ...(options.search ? { text: search() || null } : {}),
      ...Object.fromEntries(options.choices.map((c) => [c.key, c.toFilter ? c.toFilter(value(c.key)) : value(c.key) || null])),
      ...(options.tag ? { tagId: tag() || null } : {}),
    }),
    narrowed: () => Boolean(search() || tag() || options.choices.some((c) => value(c.key))),
    /** Shows a saved view's filter in the toolbar's fields. */
    show: (filter: Filter) => {
      setText((filter.text as string) ?? '');
      setValues(Object.fromEntries(options.choices.map((c) => [c.key, (filter[c.key] as string) ?? ''])));
      setTag((filter.tagId as string) ?? '');
    },
  };
}
