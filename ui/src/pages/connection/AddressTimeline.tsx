// The public IPv4 over time as a timeline: one row per address, a bar for each stretch of
// checks that saw it. The table below it holds the same data for screen readers.
import type { AddressHistory } from "../../bindings/AddressHistory";
import { formatDate as day, t } from "../../i18n";

const WIDTH = 600;
const ROW = 26;
const LABEL = 150;

export function AddressTimeline({ history }: { history: AddressHistory }) {
  const periods = history.periods;
  if (periods.length === 0) return null;
  const addresses = [...new Set(periods.map((p) => p.address))];
  const start = Math.min(...periods.map((p) => Date.parse(p.from)));
  const end = Math.max(...periods.map((p) => Date.parse(p.to)), start + 60_000);
  const x = (iso: string) => LABEL + ((Date.parse(iso) - start) / (end - start)) * (WIDTH - LABEL - 8);
  const current = periods[periods.length - 1]?.address;
  const height = addresses.length * ROW + 22;
  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t("history.chartLabel", { count: addresses.length, from: day(start), to: day(end) })}
      data-testid="timeline"
      direction="ltr"
    >
      {addresses.map((address, row) => (
        <g key={address}>
          <text x={0} y={row * ROW + 17} class="timeline-label">
            {address}
          </text>
          {periods
            .filter((p) => p.address === address)
            .map((p) => (
              <rect
                key={p.from}
                x={x(p.from)}
                y={row * ROW + 5}
                width={Math.max(6, x(p.to) - x(p.from))}
                height={ROW - 10}
                rx={3}
                class={address === current ? "timeline-bar current" : "timeline-bar"}
              />
            ))}
        </g>
      ))}
      <text x={LABEL} y={height - 4} class="timeline-axis">
        {day(start)}
      </text>
      <text x={WIDTH - 8} y={height - 4} class="timeline-axis" text-anchor="end">
        {day(end)}
      </text>
    </svg>
  );
}
