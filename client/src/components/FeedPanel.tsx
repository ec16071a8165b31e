import { A } from '@solidjs/router';
import { onMount, type Component } from 'solid-js';
import { ActivityFeed } from './ActivityFeed';

/** The live feed beside the page, opened from the shell's Activity feed button; Escape or Close shuts it. */
const FeedPanel: Component<{ onClose: () => void }> = (props) => {
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());
  return (
    <aside id="feed-panel" class="feed-panel" aria-labelledby="feed-panel-heading" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="feed-panel-head">
        <h2 id="feed-panel-heading" tabIndex={-1} ref={heading}>
          Live activity
        </h2>
        <A href="/feed">Full feed</A>
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <ActivityFeed limit={20} headingId="feed-panel-heading" />
    </aside>
  );
};

export default FeedPanel;
