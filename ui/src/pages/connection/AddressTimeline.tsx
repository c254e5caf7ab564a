// The public IPv4 over time as a timeline: one row per address, a bar for each stretch of
// checks that saw it. The table below it holds the same data for screen readers. In a
// right-to-left language the chart mirrors: labels on the right, time running leftwards.
import type { AddressHistory } from "../../bindings/AddressHistory";
import { currentLocale, formatDate as day, LOCALES, t } from "../../i18n";

const WIDTH = 600;
const ROW = 26;
const LABEL = 150;

export function AddressTimeline({ history }: { history: AddressHistory }) {
  const periods = history.periods;
  if (periods.length === 0) return null;
  const addresses = [...new Set(periods.map((p) => p.address))];
  const start = Math.min(...periods.map((p) => Date.parse(p.from)));
  const end = Math.max(...periods.map((p) => Date.parse(p.to)), start + 60_000);
  const rtl = LOCALES[currentLocale()].dir === "rtl";
  const along = (iso: string) => LABEL + ((Date.parse(iso) - start) / (end - start)) * (WIDTH - LABEL - 8);
  // Distance from the label side, placed on the reading direction's side.
  const x = (iso: string) => (rtl ? WIDTH - along(iso) : along(iso));
  const current = periods[periods.length - 1]?.address;
  const height = addresses.length * ROW + 22;
  return (
    <svg
      class="address-timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t("history.chartLabel", { count: addresses.length, from: day(start), to: day(end) })}
      data-testid="timeline"
      direction="ltr"
    >
      {addresses.map((address, row) => (
        <g key={address}>
          <text x={rtl ? WIDTH : 0} y={row * ROW + 17} class="timeline-label" text-anchor={rtl ? "end" : "start"}>
            {address}
          </text>
          {periods
            .filter((p) => p.address === address)
            .map((p) => (
              <rect
                key={p.from}
                x={Math.min(x(p.from), x(p.to))}
                y={row * ROW + 5}
                width={Math.max(6, Math.abs(x(p.to) - x(p.from)))}
                height={ROW - 10}
                rx={3}
                class={address === current ? "timeline-bar current" : "timeline-bar"}
              />
            ))}
        </g>
      ))}
      <text x={rtl ? WIDTH - LABEL : LABEL} y={height - 4} class="timeline-axis" text-anchor={rtl ? "end" : "start"}>
        {day(start)}
      </text>
      <text x={rtl ? 8 : WIDTH - 8} y={height - 4} class="timeline-axis" text-anchor={rtl ? "start" : "end"}>
        {day(end)}
      </text>
    </svg>
  );
}
