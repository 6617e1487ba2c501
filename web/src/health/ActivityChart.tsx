// One organisation's outward activity in rolling windows (bars), its own baseline (dashed) and pressure events as shaded, labelled bands.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { ActivityWindow, PressureRef } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { formatDay } from "../format.ts";
import { CHART_STYLE, day } from "./health-format.ts";
import { bandMarks, toBands, type Band } from "./chart-bands.ts";
import { FigureTable } from "./FigureTable.tsx";

interface Bar {
  from: Date;
  to: Date;
  count: number;
  current: boolean;
}

const nextDay = (ymd: string) => new Date(day(ymd).getTime() + 86_400_000);

function build(bars: Bar[], bands: Band[], baseline: number, width: number) {
  const start = bars[0]?.from ?? new Date();
  const end = bars[bars.length - 1]?.to ?? new Date();
  const top = Math.max(1, baseline, ...bars.map((b) => b.count));
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 40,
    marginRight: 20,
    marginTop: 40,
    style: CHART_STYLE,
    x: { type: "time", domain: [start, end], label: null, ticks: width < 500 ? 3 : 6 },
    y: { domain: [0, top * 1.15], label: "Outward acts per window", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : "") },
    marks: [
      ...bandMarks(bands, start, end, width),
      Plot.rectY(bars, { x1: "from", x2: "to", y: "count", fill: (b: Bar) => (b.current ? "#d55e00" : "#0072b2"), inset: 2 }),
      Plot.text(bars, { x: (b: Bar) => new Date((b.from.getTime() + b.to.getTime()) / 2), y: "count", text: (b: Bar) => String(b.count), dy: -8 }),
      Plot.ruleY([baseline], { stroke: "#0b0c0c", strokeDasharray: "5,4" }),
      Plot.ruleY([0]),
    ],
  });
}

interface Props {
  name: string;
  current: ActivityWindow;
  /** Earlier windows, most recent first (as the API sends them). */
  previous: ActivityWindow[];
  baseline: number;
  pressure: PressureRef[];
}

export function ActivityChart({ name, current, previous, baseline, pressure }: Props) {
  const windows = useMemo(() => [...previous].reverse().concat([current]), [current, previous]);
  const bars = useMemo(() => windows.map((w, i) => ({ from: day(w.from), to: nextDay(w.to), count: w.count, current: i === windows.length - 1 })), [windows]);
  const bands = useMemo(() => {
    const start = bars[0]?.from ?? new Date(0);
    const end = bars[bars.length - 1]?.to ?? new Date(0);
    return toBands(pressure).filter((b) => b.to > start && b.from < end);
  }, [pressure, bars]);
  const draw = useCallback((width: number) => build(bars, bands, baseline, width), [bars, bands, baseline]);
  const summary = windows.map((w) => `${formatDay(w.from)} to ${formatDay(w.to)}: ${w.count}`).join("; ");
  const events = pressure.length > 0 ? ` Pressure events: ${pressure.map((p) => `${p.label} (${formatDay(p.from)} to ${formatDay(p.to)})`).join("; ")}.` : "";
  return (
    <figure className="result-figure health-figure" data-chart="activity">
      <PlotChart build={draw} label={`Bar chart of ${name}'s outward activity by window: ${summary}. Its own baseline is ${baseline}.${events}`} />
      <figcaption className="result-figure__caption">
        Offers, risks shared, commitments kept and opportunities joined by {name} in each window; the last bar (orange) is the latest. The dashed line is its
        usual level (the median of the earlier windows, {baseline}).{bands.length > 0 ? ` Grey bands are pressure events: ${bands.map((b) => b.label).join("; ")}.` : ""}
      </figcaption>
      <FigureTable
        caption={`${name}'s outward activity by window`}
        head={["Window", "Outward acts"]}
        rows={windows.map((w, i) => ({ key: w.from, cells: [`${formatDay(w.from)} to ${formatDay(w.to)}${i === windows.length - 1 ? " (latest)" : ""}`, w.count] }))}
      />
    </figure>
  );
}
