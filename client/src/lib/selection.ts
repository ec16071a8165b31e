import { createSignal } from 'solid-js';

/** Selected row ids for bulk actions. */
export function createSelection() {
  const [selected, setSelected] = createSignal(new Set<string>());
  return {
    selected,
    ids: () => [...selected()],
    toggle: (id: string, on: boolean) => {
      const next = new Set(selected());
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    clear: () => setSelected(new Set<string>()),
  };
}
