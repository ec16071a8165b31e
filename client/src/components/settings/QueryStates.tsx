import type { CombinedError } from '@urql/core';
import { Show, type JSX } from 'solid-js';
import { errorMessage } from '../../lib/errors';
import { EmptyState, ErrorNotice, Loading } from '../States';

interface Props<Data> {
  result: { fetching: boolean; data?: Data; error?: CombinedError };
  /** What the spinner says, e.g. "Loading API keys…". */
  loading?: string;
  onRetry: () => void;
  /** The empty state's title, shown instead of the children when `count` is 0. */
  empty?: string;
  count?: number;
  children: JSX.Element;
}

/** A query's loading, error and empty states; the children once data has come. */
export function QueryStates<Data>(props: Props<Data>): JSX.Element {
  return (
    <>
      <Show when={props.result.fetching && !props.result.data}>
        <Loading label={props.loading} />
      </Show>
      <ErrorNotice message={errorMessage(props.result.error)} onRetry={props.onRetry} />
      <Show when={props.result.data}>
        <Show when={props.empty == null || props.count !== 0} fallback={<EmptyState title={props.empty!} />}>
          {props.children}
        </Show>
      </Show>
    </>
  );
}
