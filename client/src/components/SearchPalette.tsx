import { useNavigate } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { createMemo, createSignal, For, onCleanup, onMount, Show, type Component } from 'solid-js';
import { graphql } from '../gql';
import type { SearchEntityType, SearchPaletteQuery } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { parentPath, recordPath, sameOrigin } from '../lib/record-links';
import { parseSnippet } from '../lib/snippet';
import { EmptyState, ErrorNotice, Loading } from './States';
import './panels.css';

const SearchPaletteDoc = graphql(`
  query SearchPalette($query: String!) {
    search(query: $query, first: 30) {
      totalCount
      countsCapped
      countsByType { type count }
      edges {
        node {
          type title snippet
          record {
            __typename
            ... on Contact { id }
            ... on Company { id }
            ... on Deal { id }
            ... on Form { id }
            ... on Attachment { id downloadUrl }
            ... on Note { id contact { id } company { id } deal { id } }
            ... on Activity { id contact { id } company { id } deal { id } }
            ... on Communication { id company { id } deal { id } contacts { id } }
            ... on Comment { id deal { id } note { contact { id } company { id } deal { id } } activity { contact { id } company { id } deal { id } } }
          }
        }
      }
    }
  }
`);

type Hit = SearchPaletteQuery['search']['edges'][number]['node'];
type Found = SearchPaletteQuery['search'];

const GROUPS: [SearchEntityType, string][] = [
  ['CONTACT', 'Contacts'],
  ['COMPANY', 'Companies'],
  ['DEAL', 'Deals'],
  ['NOTE', 'Notes'],
  ['COMMENT', 'Comments'],
  ['ACTIVITY', 'Activities'],
  ['COMMUNICATION', 'Communications'],
  ['FILE', 'Files'],
  ['FORM', 'Forms'],
];

/** Where a hit opens: the record itself, or the record a note, comment, activity or file belongs to. */
function hitPath(hit: Hit): string | null {
  const r = hit.record;
  if (!r) return null;
  switch (r.__typename) {
    case 'Contact':
    case 'Company':
    case 'Deal':
      return recordPath(r.__typename, r.id);
    case 'Form':
      return `/form/${r.id}`;
    case 'Attachment':
      return sameOrigin(r.downloadUrl);
    case 'Note':
    case 'Activity':
      return parentPath(r);
    case 'Communication':
      return parentPath({ ...r, contact: r.contacts[0] });
    case 'Comment':
      return r.deal ? `/deals/${r.deal.id}` : parentPath(r.note ?? r.activity ?? {});
    default:
      return null;
  }
}

export const Snippet: Component<{ html: string }> = (props) => (
  <For each={parseSnippet(props.html)}>{(part) => (part.marked ? <mark>{part.text}</mark> : <>{part.text}</>)}</For>
);

/** Ctrl/Cmd-K: search everything as you type; arrows move, Enter opens, Escape closes. */
const SearchPalette: Component<{ onClose: () => void }> = (props) => {
  const client = useClient();
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  const [found, setFound] = createSignal<Found | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(0);
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const groups = createMemo(() => {
    const result = found();
    if (!result) return [];
    const hits = result.edges.map((e) => e.node);
    return GROUPS.map(([type, label]) => ({
      type,
      label,
      count: `${result.countsByType.find((c) => c.type === type)?.count ?? 0}${result.countsCapped ? '+' : ''}`,
      hits: hits.filter((h) => h.type === type),
    })).filter((g) => g.hits.length > 0);
  });
  const flat = createMemo(() => groups().flatMap((g) => g.hits));

  const run = async (query: string) => {
    const ticket = ++latest;
    if (!query.trim()) {
      setFound(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    const result = await client.query(SearchPaletteDoc, { query: query.slice(0, 200) }).toPromise();
    if (ticket !== latest) return;
    setLoading(false);
    setError(errorMessage(result.error));
    setFound(result.data?.search ?? null);
    setActive(0);
  };
  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(value), 180);
  };
  const open = (hit: Hit | undefined) => {
    const path = hit && hitPath(hit);
    if (!path) return;
    props.onClose();
    if (path.startsWith('/files/')) window.location.assign(path);
    else navigate(path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const count = flat().length;
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      setActive((active() + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      setActive((active() - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(flat()[active()]);
    } else if (event.key === 'Tab') {
      // Keep focus inside the dialog: its only stops are the field and the close button.
      const stops = [...dialog.querySelectorAll<HTMLElement>('input, button')];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      event.preventDefault();
      stops[(at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length]?.focus();
    }
  };

  onMount(() => {
    dialog.showModal();
    input.focus();
  });
  onCleanup(() => clearTimeout(timer));
  const optionId = (i: number) => `search-option-${i}`;

  return (
    <dialog
      ref={dialog}
      class="palette"
      aria-labelledby="search-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onKeyDown={onKeyDown}
      onClick={(e) => e.target === dialog && props.onClose()}
    >
      <div class="palette-head">
        <h2 id="search-title" class="visually-hidden">
          Search Kith
        </h2>
        <label for="search-input" class="visually-hidden">
          Search contacts, companies, deals, notes and files
        </label>
        <input
          ref={input}
          id="search-input"
          type="text"
          role="combobox"
          autocomplete="off"
          placeholder="Search contacts, companies, deals, notes…"
          aria-expanded={flat().length > 0}
          aria-controls="search-results"
          aria-activedescendant={flat().length ? optionId(active()) : undefined}
          value={text()}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <div class="palette-body">
        <Show when={loading() && !found()}>
          <Loading label="Searching…" />
        </Show>
        <ErrorNotice message={error()} onRetry={() => void run(text())} />
        <Show when={found() && flat().length === 0 && !error()}>
          <EmptyState title={`Nothing matches “${text()}”.`} />
        </Show>
        <Show when={!text().trim()}>
          <p class="muted">Type a name, an email, a phone number or words of a note.</p>
        </Show>
        <div id="search-results" role="listbox" aria-label="Search results" classList={{ hidden: flat().length === 0 }}>
          <For each={groups()}>
            {(group) => (
              <div role="group" aria-labelledby={`search-group-${group.type}`}>
                <p class="palette-group" id={`search-group-${group.type}`} role="presentation">
                  {group.label} <span class="count">{group.count}</span>
                </p>
                <For each={group.hits}>
                  {(hit) => {
                    const index = () => flat().indexOf(hit);
                    return (
                      <div
                        id={optionId(index())}
                        role="option"
                        class="palette-option"
                        aria-selected={index() === active()}
                        onMouseMove={() => setActive(index())}
                        onClick={() => open(hit)}
                      >
                        <span class="palette-title">{hit.title}</span>
                        <span class="palette-snippet">
                          <Snippet html={hit.snippet} />
                        </span>
                      </div>
                    );
                  }}
                </For>
              </div>
            )}
          </For>
        </div>
      </div>
      <p class="palette-foot muted" aria-hidden="true">
        ↑ ↓ to move · Enter to open · Esc to close
      </p>
    </dialog>
  );
};

export default SearchPalette;
