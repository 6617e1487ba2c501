// Perceived trust over waves: the overall score as a line with intervals, and the baseline question's answers as stacked bars.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { TrendPoint } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { CHART_STYLE, hiddenReason, one, scoreText } from "./health-format.ts";
import { FigureTable } from "./FigureTable.tsx";

interface Point {
  name: string;
  mean: number;
  lower: number | null;
  upper: number | null;
}

function buildTrend(points: Point[], names: string[], width: number) {
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 40,
    marginRight: 20,
    marginBottom: 50,
    style: CHART_STYLE,
    x: { domain: names, label: null, padding: 0.3, tickFormat: (n: string) => (width < 500 && n.length > 12 ? `${n.slice(0, 11)}…` : n) },
    y: { domain: [1, 5], label: "Overall trust (1 to 5)", grid: true },
    marks: [
      Plot.ruleX(points, { filter: (p: Point) => p.lower !== null && p.upper !== null, x: "name", y1: "lower", y2: "upper", stroke: "#0072b2", strokeWidth: 3 }),
      Plot.line(points, { x: "name", y: "mean", stroke: "#0b0c0c", strokeWidth: 2 }),
      Plot.dot(points, { x: "name", y: "mean", r: 5, fill: "#0b0c0c" }),
      Plot.text(points, { x: "name", y: "mean", text: (p: Point) => one(p.mean), dx: 14, textAnchor: "start" }),
    ],
  });
}

export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const points = useMemo(
    () => trend.flatMap((t) => (t.overall?.status === "released" ? [{ name: t.name, mean: t.overall.mean, lower: t.overall.lower, upper: t.overall.upper }] : [])),
    [trend],
  );
  const names = useMemo(() => trend.map((t) => t.name), [trend]);
  const build = useCallback((width: number) => buildTrend(points, names, width), [points, names]);
  if (trend.length === 0) return null;
  const summary = trend.map((t) => `${t.name} ${scoreText(t.overall)}`).join("; ");
  return (
    <figure className="result-figure health-figure" data-chart="trend">
      {points.length > 0 ? <PlotChart build={build} label={`Line chart of overall trust across waves: ${summary}.`} /> : null}
      <figcaption className="result-figure__caption">Overall trust in each published wave. The blue line through each dot is its 95% interval.</figcaption>
      <FigureTable
        caption="Overall trust in each published wave"
        head={["Wave", "Overall trust", "95% interval"]}
        rows={trend.map((t) => ({
          key: t.waveId,
          cells: [t.name, scoreText(t.overall), t.overall?.status === "released" && t.overall.lower != null && t.overall.upper != null ? `${one(t.overall.lower)} to ${one(t.overall.upper)}` : "–"],
        }))}
      />
    </figure>
  );
}

/** Five steps from deep blue to vermillion, for the baseline question's ordered answers; each segment is also labelled. */
const STACK = ["#08519c", "#4292c6", "#9ecae1", "#fdae6b", "#d55e00", "#bdbdbd", "#737373"];

interface Segment {
  wave: string;
  label: string;
  percent: number;
}

function buildStack(segments: Segment[], waves: string[], labels: string[], width: number) {
  return Plot.plot({
    width,
    height: 70 + waves.length * 40,
    marginLeft: Math.min(160, Math.max(90, Math.round(width * 0.25))),
    marginRight: 20,
    style: CHART_STYLE,
    x: { domain: [0, 100], label: "Percent of those who answered", tickFormat: (d: number) => `${d}%` },
    y: { domain: waves, label: null },
    color: { domain: labels, range: STACK.slice(0, labels.length), legend: true },
    marks: [
      Plot.barX(segments, Plot.stackX({ x: "percent", y: "wave", fill: "label", order: labels, stroke: "white" })),
      Plot.text(
        segments,
        Plot.stackX({ x: "percent", y: "wave", z: "label", order: labels, text: (s: Segment) => (s.percent >= 9 ? `${Math.round(s.percent)}%` : ""), fill: "#0b0c0c" }),
      ),
    ],
  });
}

export function BaselineStack({ trend }: { trend: TrendPoint[] }) {
  const released = useMemo(() => trend.filter((t) => t.baseline?.status === "released"), [trend]);
  const labels = useMemo(() => {
    const first = released[0]?.baseline;
    return first?.status === "released" ? first.options.map((o) => o.label) : [];
  }, [released]);
  const segments = useMemo(
    () => released.flatMap((t) => (t.baseline?.status === "released" ? t.baseline.options.map((o) => ({ wave: t.name, label: o.label, percent: o.percent ?? 0 })) : [])),
    [released],
  );
  const waves = useMemo(() => released.map((t) => t.name), [released]);
  const build = useCallback((width: number) => buildStack(segments, waves, labels, width), [segments, waves, labels]);
  const asked = trend.filter((t) => t.baseline !== null);
  if (asked.length === 0) return null;
  const cell = (t: TrendPoint, label: string) => {
    const b = t.baseline;
    if (!b) return "Not asked";
    if (b.status === "suppressed") return hiddenReason(b.reason);
    if (b.status === "coarse") return "Rough figure only";
    const o = b.options.find((x) => x.label === label);
    return o ? `${o.percent === null ? "–" : `${Math.round(o.percent)}%`} (${o.count})` : "–";
  };
  const summary = released.map((t) => `${t.name}: ${labels.map((l) => `${l} ${cell(t, l)}`).join(", ")}`).join("; ");
  return (
    <figure className="result-figure health-figure" data-chart="baseline">
      <h4 className="heading-s">The baseline question across waves: to what extent do we trust each other to work more collaboratively?</h4>
      {segments.length > 0 ? <PlotChart build={build} label={`Stacked bar chart of the baseline question's answers in each wave. ${summary}.`} /> : null}
      <FigureTable
        caption="The baseline question's answers in each wave"
        head={["Answer", ...asked.map((t) => t.name)]}
        rows={labels.map((l) => ({ key: l, cells: [l, ...asked.map((t) => cell(t, l))] }))}
      />
    </figure>
  );
}
