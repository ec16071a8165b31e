import { createMemo, For, Show, type Component } from 'solid-js';
import { formatMoney } from '../lib/format';

export interface StageValue {
  id: string;
  name: string;
  totals: { currency: string; amount: string; dealCount: number }[];
}

/** The currencies the stages hold, the largest total first: each gets its own chart, never a mixed sum. */
function currenciesOf(stages: StageValue[]): string[] {
  const sums = new Map<string, number>();
  for (const stage of stages) for (const t of stage.totals) sums.set(t.currency, (sums.get(t.currency) ?? 0) + Number(t.amount));
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([currency]) => currency);
}

/**
 * Pipeline value by stage as horizontal bars, one chart per currency. HTML rather than SVG: labels wrap instead
 * of being clipped, and under 30rem each label sits above its bar.
 */
export const StageChart: Component<{ stages: StageValue[] }> = (props) => (
  <Show
    when={currenciesOf(props.stages).length > 0}
    fallback={<p class="muted">No deal amounts yet: the chart of value by stage appears once deals have amounts.</p>}
  >
    <div class="stage-charts">
      <For each={currenciesOf(props.stages)}>{(currency) => <CurrencyChart stages={props.stages} currency={currency} />}</For>
    </div>
  </Show>
);

const CurrencyChart: Component<{ stages: StageValue[]; currency: string }> = (props) => {
  const bars = createMemo(() =>
    props.stages.map((stage) => ({ id: stage.id, name: stage.name, value: Number(stage.totals.find((t) => t.currency === props.currency)?.amount ?? 0) })),
  );
  const max = () => Math.max(1, ...bars().map((b) => b.value));
  const summary = () =>
    bars()
      .map((b) => `${b.name}: ${formatMoney(String(b.value), props.currency)}`)
      .join(', ');
  return (
    <figure class="stage-chart">
      <figcaption>Pipeline value by stage ({props.currency})</figcaption>
      <div role="img" aria-label={`Pipeline value by stage in ${props.currency}: ${summary()}`} class="chart-rows">
        <For each={bars()}>
          {(bar) => (
            <div class="chart-row" aria-hidden="true">
              <span class="chart-label">{bar.name}</span>
              <span class="chart-track">
                <span class="chart-bar" style={{ width: `${(bar.value / max()) * 100}%` }} classList={{ zero: bar.value === 0 }} />
              </span>
              <span class="chart-value">{formatMoney(String(bar.value), props.currency)}</span>
            </div>
          )}
        </For>
      </div>
    </figure>
  );
};
