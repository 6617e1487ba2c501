// The evidence for a fall in trust received: the two network waves' scores on a time line, with pressure events as shaded, labelled bands.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { PressureRef } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { formatDay } from "../format.ts";
import { bandMarks, toBands, type Band } from "./chart-bands.ts";
import { CHART_STYLE, day, one } from "./health-format.ts";

interface Point {
  on: Date;
  score: number;
}

const DAY_MS = 86_400_000;

function build(points: Point[], bands: Band[], width: number) {
  const start = new Date((points[0]?.on.getTime() ?? 0) - 30 * DAY_MS);
  const end = new Date((points[points.length - 1]?.on.getTime() ?? 0) + 30 * DAY_MS);
  return Plot.plot({
    width,
    height: 200,
    marginLeft: 40,
    marginRight: 30,
    marginTop: 40,
    style: CHART_STYLE,
    x: { type: "time", domain: [start, end], label: null, ticks: width < 500 ? 3 : 6 },
    y: { domain: [1, 4], label: "Trust received (1 to 4)", grid: true },
    marks: [
      ...bandMarks(bands, start, end, width),
      Plot.line(points, { x: "on", y: "score", stroke: "#d55e00", strokeWidth: 2, markerEnd: "arrow" }),
      Plot.dot(points, { x: "on", y: "score", r: 5, fill: "#0b0c0c" }),
      Plot.text(points, { x: "on", y: "score", text: (p: Point) => one(p.score), dy: -12 }),
    ],
  });
}

interface Props {
  name: string;
  previous: { on: string; score: number };
  latest: { on: string; score: number };
  pressure: PressureRef[];
}

export function TrustDropChart({ name, previous, latest, pressure }: Props) {
  const points = useMemo(() => [previous, latest].map((p) => ({ on: day(p.on), score: p.score })), [previous, latest]);
  const bands = useMemo(() => toBands(pressure), [pressure]);
  const draw = useCallback((width: number) => build(points, bands, width), [points, bands]);
  const events = pressure.length > 0 ? ` Pressure events: ${pressure.map((p) => p.label).join("; ")}.` : "";
  return (
    <figure className="result-figure health-figure" data-chart="trust-drop">
      <PlotChart
        build={draw}
        label={`Chart of the trust ${name} received: ${one(previous.score)} on ${formatDay(previous.on)}, ${one(latest.score)} on ${formatDay(latest.on)}.${events}`}
      />
      <figcaption className="result-figure__caption">
        Trust {name} received in the two network waves: {one(previous.score)} on {formatDay(previous.on)}, then {one(latest.score)} on {formatDay(latest.on)}.
        {pressure.length > 0 ? ` Grey bands are pressure events: ${pressure.map((p) => p.label).join("; ")}.` : ""}
      </figcaption>
    </figure>
  );
}
