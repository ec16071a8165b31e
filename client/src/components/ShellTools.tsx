import { useLocation } from '@solidjs/router';
import Bell from 'lucide-solid/icons/bell';
import SearchIcon from 'lucide-solid/icons/search';
import { createEffect, createSignal, lazy, onCleanup, onMount, Show, Suspense, type Component } from 'solid-js';

// Both load on first use, so the shell's first paint stays small.
const SearchPalette = lazy(() => import('./SearchPalette'));
const FeedPanel = lazy(() => import('./FeedPanel'));

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The shell's search button (and Ctrl/Cmd-K) and the live activity panel toggle. */
export const ShellTools: Component = () => {
  const location = useLocation();
  const [searching, setSearching] = createSignal(false);
  const [feedOpen, setFeedOpen] = createSignal(false);
  let searchButton: HTMLButtonElement | undefined;
  let feedButton: HTMLButtonElement | undefined;

  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setSearching(true);
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  createEffect(() => {
    void location.pathname;
    setSearching(false);
  });
  const closeFeed = () => {
    setFeedOpen(false);
    feedButton?.focus();
  };
  const closeSearch = () => {
    setSearching(false);
    searchButton?.focus();
  };

  return (
    <div class="shell-tools">
      <button type="button" ref={searchButton} class="search-button" aria-keyshortcuts="Control+K Meta+K" onClick={() => setSearching(true)}>
        <SearchIcon /> Search <kbd aria-hidden="true">{isMac() ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <button type="button" ref={feedButton} aria-expanded={feedOpen()} aria-controls="feed-panel" onClick={() => setFeedOpen(!feedOpen())}>
        <Bell /> Activity feed
      </button>
      <Suspense>
        <Show when={searching()}>
          <SearchPalette onClose={closeSearch} />
        </Show>
        <Show when={feedOpen()}>
          <FeedPanel onClose={closeFeed} />
        </Show>
      </Suspense>
    </div>
  );
};
