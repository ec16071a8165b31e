import { createSignal, For, Show, type Component } from 'solid-js';

export interface Member {
  id: string;
  name: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  members: Member[];
  onInput: (value: string) => void;
  /** A member picked from the @ list. */
  onMention: (member: Member) => void;
}

/** A textarea where typing @ offers the workspace's members: arrows move, Enter or Tab picks, Escape dismisses. */
export const MentionInput: Component<Props> = (props) => {
  const [query, setQuery] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(0);
  let area!: HTMLTextAreaElement;
  const listId = `${props.id}-members`;

  const matches = () => {
    const q = query();
    if (q === null) return [];
    const lower = q.toLowerCase();
    return props.members
      .filter(
        (m) =>
          m.name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(lower)) || m.name.toLowerCase().startsWith(lower),
      )
      .slice(0, 8);
  };
  const look = () => {
    const before = area.value.slice(0, area.selectionStart);
    const m = /(?:^|\s)@([\p{L}\p{N}]*(?: [\p{L}\p{N}]*)?)$/u.exec(before);
    setQuery(m ? m[1]! : null);
    setActive(0);
  };
  const pick = (member: Member) => {
    const caret = area.selectionStart;
    const before = area.value.slice(0, caret).replace(/@[^@]*$/, `@${member.name} `);
    const value = before + area.value.slice(caret);
    props.onInput(value);
    props.onMention(member);
    setQuery(null);
    queueMicrotask(() => {
      area.focus();
      area.setSelectionRange(before.length, before.length);
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const list = matches();
    if (!list.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((active() + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(list[active()]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  };

  return (
    <div class="field mention-field">
      <label for={props.id}>{props.label}</label>
      <textarea
        ref={area}
        id={props.id}
        rows={2}
        value={props.value}
        aria-autocomplete="list"
        aria-controls={matches().length ? listId : undefined}
        aria-activedescendant={matches().length ? `${listId}-${active()}` : undefined}
        aria-describedby={`${props.id}-hint`}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
          look();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <small id={`${props.id}-hint`} class="hint">
        Markdown. Type @ to mention a member.
      </small>
      <Show when={matches().length > 0}>
        <ul id={listId} role="listbox" class="mention-list" aria-label="Members">
          <For each={matches()}>
            {(member, i) => (
              <li
                id={`${listId}-${i()}`}
                role="option"
                aria-selected={i() === active()}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(member);
                }}
              >
                {member.name}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
};
