import { Show, type JSX, type ParentComponent } from 'solid-js';
import { EmptyState, ErrorNotice, Loading } from './States';

interface Props {
  title: string;
  total: number | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  empty: boolean;
  emptyTitle: string;
  /** Under the empty state's title: what to do next (the contacts list offers the first-run paths). */
  emptyBody?: JSX.Element;
  actions?: JSX.Element;
  /** The saved views bar, above the filters. */
  views?: JSX.Element;
  filters?: JSX.Element;
}

/** A list screen: heading with count and actions, filters, then the table or its loading, empty or error state. */
export const ListFrame: ParentComponent<Props> = (props) => (
  <section class="page list-page">
    <div class="page-head">
      <h1>
        {props.title}
        <Show when={props.total != null}>
          <span class="count" aria-label={`${props.total} in total`}>
            {props.total}
          </span>
        </Show>
      </h1>
      <div class="actions">{props.actions}</div>
    </div>
    {props.views}
    <div class="toolbar" role="search" aria-label={`Filter ${props.title.toLowerCase()}`}>
      {props.filters}
    </div>
    <ErrorNotice message={props.error} onRetry={props.onRetry} />
    <Show when={props.loading && props.empty}>
      <Loading />
    </Show>
    <Show when={!props.loading && props.empty && !props.error}>
      <EmptyState title={props.emptyTitle}>{props.emptyBody}</EmptyState>
    </Show>
    <div class="table-area" classList={{ hidden: props.empty }}>
      {props.children}
    </div>
  </section>
);
