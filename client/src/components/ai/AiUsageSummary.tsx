// The usage page's AI section (owners): this month's tokens in and out per feature and per member.
import { createQuery } from '@urql/solid';
import { For, Show, type Component, type JSX } from 'solid-js';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { formatDate, humanize } from '../../lib/format';
import { ErrorNotice } from '../States';
import { useWorkspaceAi } from './ai-state';

const AiUsageQuery = graphql(`
  query WorkspaceAiUsage {
    workspaceAiUsage {
      from to inputTokens outputTokens requests
      byFeature { feature inputTokens outputTokens requests }
      byUser { userId userName inputTokens outputTokens requests }
    }
  }
`);

const number = new Intl.NumberFormat();

export const AiUsageSummary: Component = () => {
  const ai = useWorkspaceAi();
  const [result] = createQuery({ query: AiUsageQuery });
  const usage = () => result.data?.workspaceAiUsage;
  return (
    <Show when={ai.state()?.available}>
      <section aria-labelledby="ai-usage-heading">
        <h3 id="ai-usage-heading">AI tokens this month</h3>
        <ErrorNotice message={errorMessage(result.error)} />
        <Show when={usage()}>
          {(u) => (
            <>
              <p>
                {number.format(u().inputTokens)} in, {number.format(u().outputTokens)} out in {number.format(u().requests)} requests since{' '}
                {formatDate(u().from)}
                {ai.state()!.monthlyTokenBudget > 0 ? ` (budget ${number.format(ai.state()!.monthlyTokenBudget)} tokens)` : ''}.
              </p>
              <UsageTable label="AI tokens per feature" first="Feature" rows={u().byFeature} name={(row) => humanize(row.feature ?? '')} />
              <UsageTable label="AI tokens per member" first="Member" rows={u().byUser} name={(row) => row.userName ?? 'Deleted user'} />
            </>
          )}
        </Show>
      </section>
    </Show>
  );
};

interface Counts {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** One breakdown of the month's tokens: a row per feature or per member. */
function UsageTable<Row extends Counts>(props: { label: string; first: string; rows: readonly Row[]; name: (row: Row) => string }): JSX.Element {
  return (
    <table class="settings-table" aria-label={props.label}>
      <thead>
        <tr>
          <th>{props.first}</th>
          <th>Requests</th>
          <th>Tokens in</th>
          <th>Tokens out</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <td>{props.name(row)}</td>
              <td>{number.format(row.requests)}</td>
              <td>{number.format(row.inputTokens)}</td>
              <td>{number.format(row.outputTokens)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
