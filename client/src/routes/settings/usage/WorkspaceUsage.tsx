import { createQuery } from '@urql/solid';
import { createMemo, createSignal, Show, type Component } from 'solid-js';
import { SelectField } from '../../../components/Field';
import { QueryStates } from '../../../components/settings/QueryStates';
import { graphql } from '../../../gql';
import { UsageReport } from './UsageReport';

const UsageQuery = graphql(`
  query WorkspaceUsage($from: DateTime) {
    workspaceUsage(from: $from) {
      from to activeUsers apiCalls errors pageViews
      days { day activeUsers apiCalls errors pageViews }
      operations { name calls errors averageMs p95Ms }
      topFeatures { name count }
      topPages { name count }
    }
  }
`);

const RANGES = [
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
] as const;

/** The workspace's usage over the last 7, 30 or 90 days. */
export const WorkspaceUsage: Component = () => {
  const [days, setDays] = createSignal(30);
  // Whole days, so the variables stay stable between renders.
  const from = createMemo(() => {
    const start = new Date();
    start.setUTCHours(0, 0, 0, 0);
    start.setUTCDate(start.getUTCDate() - days() + 1);
    return start.toISOString();
  });
  const [result, refetch] = createQuery({ query: UsageQuery, variables: () => ({ from: from() }) });
  return (
    <section aria-labelledby="usage-heading">
      <div class="row">
        <h3 id="usage-heading">Workspace usage</h3>
        <SelectField id="usage-range" label="Period" value={String(days())} options={RANGES} onChange={(value) => setDays(Number(value))} />
      </div>
      <QueryStates result={result} loading="Loading usage…" onRetry={() => refetch()}>
        <Show when={result.data?.workspaceUsage}>{(usage) => <UsageReport usage={usage()} />}</Show>
      </QueryStates>
    </section>
  );
};
