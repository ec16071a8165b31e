import { For, Show, type Component } from 'solid-js';
import { SettingsTable } from '../../../components/settings/SettingsTable';
import { EmptyState } from '../../../components/States';
import type { WorkspaceUsageQuery } from '../../../gql/graphql';
import { formatDate } from '../../../lib/format';

const number = new Intl.NumberFormat();

/** A period's usage: totals, the days with activity, the most called operations, the top features and pages. */
export const UsageReport: Component<{ usage: WorkspaceUsageQuery['workspaceUsage'] }> = (props) => {
  const activeDays = () => props.usage.days.filter((d) => d.apiCalls + d.pageViews + d.activeUsers > 0);
  const totals = () =>
    [
      ['Active members', props.usage.activeUsers],
      ['API calls', props.usage.apiCalls],
      ['Errors', props.usage.errors],
      ['Page views', props.usage.pageViews],
    ] as const;
  return (
    <>
      <p class="muted">
        {formatDate(props.usage.from)} – {formatDate(props.usage.to)}
      </p>
      <dl class="stats">
        <For each={totals()}>
          {([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{number.format(value)}</dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={activeDays().length > 0} fallback={<EmptyState title="No usage recorded in this period." />}>
        <SettingsTable label="By day" captioned headings={['Day', 'Active', 'API calls', 'Errors', 'Page views']} rows={activeDays()}>
          {(d) => (
            <tr>
              <td>{formatDate(d.day)}</td>
              <td>{d.activeUsers}</td>
              <td>{d.apiCalls}</td>
              <td>{d.errors}</td>
              <td>{d.pageViews}</td>
            </tr>
          )}
        </SettingsTable>
        <Show when={props.usage.operations.length > 0}>
          <SettingsTable label="Most called operations" captioned headings={['Operation', 'Calls', 'Errors', 'Average', 'p95']} rows={props.usage.operations}>
            {(op) => (
              <tr>
                <td>
                  <code>{op.name}</code>
                </td>
                <td>{op.calls}</td>
                <td>{op.errors}</td>
                <td>{op.averageMs} ms</td>
                <td>{op.p95Ms} ms</td>
              </tr>
            )}
          </SettingsTable>
        </Show>
        <div class="usage-lists">
          <For
            each={
              [
                ['Most used features', props.usage.topFeatures],
                ['Most viewed pages', props.usage.topPages],
              ] as const
            }
          >
            {([title, list]) => (
              <div>
                <h4>{title}</h4>
                <Show when={list.length > 0} fallback={<p class="muted">None yet.</p>}>
                  <ol class="plain-list">
                    <For each={list}>
                      {(item) => (
                        <li>
                          <code>{item.name}</code> · {number.format(item.count)}
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </div>
            )}
          </For>
        </div>
      </Show>
    </>
  );
};
