// The programme's distribution of overall trust: a histogram of the partnerships' released means (Observable Plot) with the same figures as text and a table.
import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { HeadlineDistribution as Distribution } from "../api/programme-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { FigureTable } from "../health/FigureTable.tsx";
import { CHART_STYLE, one } from "../health/health-format.ts";
import { notShown } from "./programme-format.ts";

type Released = Extract<Distribution, { status: "released" }>;
type Bin = Released["histogram"][number];

const binLabel = (b: Bin, last: boolean) => `${one(b.from)} to ${last ? "" : "under "}${one(b.to)}`;

function build(d: Released, width: number) {
  const top = Math.max(1, ...d.histogram.map((b) => b.count));
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    marginRight: 20,
    marginBottom: 44,
    style: CHART_STYLE,
    x: { domain: [1, 5], label: "Overall trust (1 to 5)", ticks: width < 500 ? 5 : 9 },
    y: { domain: [0, top], label: "Partnerships", grid: true, ticks: Math.min(top, 5), tickFormat: "d" },
    marks: [
      Plot.rectY(d.histogram, { x1: "from", x2: "to", y: "count", fill: "#1d70b8", inset: 1 }),
      Plot.text(d.histogram, { filter: (b: Bin) => b.count > 0, x: (b: Bin) => (b.from + b.to) / 2, y: "count", text: (b: Bin) => String(b.count), dy: -8 }),
      Plot.ruleX([d.quantiles.median], { stroke: "#d55e00", strokeWidth: 3, strokeDasharray: "6 3" }),
      Plot.text([d.quantiles.median], { x: (m: number) => m, frameAnchor: "top", text: (m: number) => `Median ${one(m)}`, dx: 6, textAnchor: "start", fill: "#0b0c0c" }),
      Plot.ruleY([0], { stroke: "#0b0c0c" }),
    ],
  });
}

export function HeadlineDistribution({ distribution }: { distribution: Distribution }) {
  const released = distribution.status === "released" ? distribution : null;
  const draw = useCallback((width: number) => build(released as Released, width), [released]);
  if (!released) {
    return <p className="body programme-hidden">{notShown(distribution.status === "suppressed" ? distribution.reason : undefined)}.</p>;
  }
  const q = released.quantiles;
  const sentence = `Overall trust across ${released.partnerships} partnerships ranges from ${one(q.min)} to ${one(q.max)}; the middle half lies between ${one(q.q1)} and ${one(q.q3)}, with a median of ${one(q.median)}`;
  const bins = released.histogram;
  return (
    <figure className="result-figure health-figure" data-chart="programme-distribution">
      <PlotChart build={draw} label={`Histogram of overall trust in the programme's partnerships. ${sentence}.`} />
      <figcaption className="result-figure__caption">
        {sentence}. Each bar counts the partnerships whose latest overall trust falls in that half-point; the dashed orange line is the median.
      </figcaption>
      <FigureTable
        caption="Partnerships by overall trust"
        head={["Overall trust", "Partnerships"]}
        rows={bins.map((b, i) => ({ key: String(b.from), cells: [binLabel(b, i === bins.length - 1), String(b.count)] }))}
      />
    </figure>
  );
}
