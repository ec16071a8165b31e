import { createMemo, For, Show, type Component } from 'solid-js';
import { formatMoney } from '../lib/format';

export interface StageValue {
  id: string;
  name: string;
  totals: { currency: string; amount: string; dealCount: number }[];
}

/** Pipeline value by stage as horizontal bars (plain SVG), in the currency most of the value is in. */
export const StageChart: Component<{ stages: StageValue[] }> = (props) => {
  const currency = createMemo(() => {
    const sums = new Map<string, number>();
    for (const stage of props.stages) for (const t of stage.totals) sums.set(t.currency, (sums.get(t.currency) ?? 0) + Number(t.amount));
    return [...sums.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  });
  const bars = createMemo(() =>
    props.stages.map((stage) => ({
      name: stage.name,
      value: Number(stage.totals.find((t) => t.currency === currency())?.amount ?? 0),
    })),
  );
  const max = () => Math.max(1, ...bars().map((b) => b.value));
  const ROW = 28;
  const summary = () => bars().map((b) => `${b.name}: ${formatMoney(String(b.value), currency() ?? 'USD')}`).join(', ');

  return (
    <Show when={currency()} fallback={<p class="muted">No deal amounts yet: the chart of value by stage appears once deals have amounts.</p>}>
      <figure class="stage-chart">
        <figcaption>Pipeline value by stage ({currency()})</figcaption>
        <svg viewBox={`0 0 400 ${bars().length * ROW}`} role="img" aria-label={`Pipeline value by stage: ${summary()}`} preserveAspectRatio="xMinYMin meet">
          <For each={bars()}>
            {(bar, i) => (
              <g transform={`translate(0 ${i() * ROW})`}>
                <text x="0" y="18" class="chart-label">
                  {bar.name}
                </text>
                <rect x="110" y="5" height="18" rx="3" width={Math.max(bar.value > 0 ? 2 : 0, (bar.value / max()) * 200)} class="chart-bar" />
                <text x={115 + (bar.value / max()) * 200} y="18" class="chart-value">
                  {formatMoney(String(bar.value), currency()!)}
                </text>
              </g>
            )}
          </For>
        </svg>
      </figure>
    </Show>
  );
};
