// Adjusted kept-on-time rates per organisation: a dot with its credible interval and the counts beside it, so 2 of 2 never outranks 45 of 50.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { OrganisationBehaviour } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { CHART_STYLE, countText, pct } from "./health-format.ts";

interface Row {
  name: string;
  adjusted: number;
  lower: number;
  upper: number;
  counts: string;
}

function build(rows: Row[], threshold: number | null, width: number) {
  const marginLeft = Math.min(200, Math.max(100, Math.round(width * 0.32)));
  return Plot.plot({
    width,
    height: 60 + rows.length * 36,
    marginLeft,
    marginRight: width < 500 ? 80 : 110,
    marginBottom: 45,
    style: CHART_STYLE,
    x: { domain: [0, 1], label: "Adjusted kept-on-time rate, with its interval", tickFormat: (d: number) => `${Math.round(d * 100)}%`, ticks: width < 500 ? 3 : 5, labelOffset: 38 },
    y: { domain: rows.map((r) => r.name), label: null },
    marks: [
      Plot.axisY({ lineWidth: (marginLeft - 12) / 14, tickSize: 0 }),
      ...(threshold === null ? [] : [Plot.ruleX([threshold], { stroke: "#505a5f", strokeDasharray: "4,3" })]),
      Plot.ruleY(rows, { y: "name", x1: "lower", x2: "upper", stroke: "#0072b2", strokeWidth: 3 }),
      Plot.dot(rows, { y: "name", x: "adjusted", r: 6, fill: "#0b0c0c" }),
      Plot.text(rows, { y: "name", x: 1, text: "counts", dx: 8, textAnchor: "start", frameAnchor: "right" }),
    ],
  });
}

interface Props {
  organisations: OrganisationBehaviour[];
  /** The behaviour threshold of the quadrant, drawn as a dashed line. */
  threshold: number | null;
}

export function KeptRateChart({ organisations, threshold }: Props) {
  const rows = useMemo(
    () =>
      organisations
        .filter((o) => o.commitments.due > 0)
        .map((o) => ({ name: o.organisationName, adjusted: o.commitments.adjusted, lower: o.commitments.lower, upper: o.commitments.upper, counts: countText(o.commitments) })),
    [organisations],
  );
  const draw = useCallback((width: number) => build(rows, threshold, width), [rows, threshold]);
  if (rows.length === 0) return <p className="body">No commitment fell due in this period.</p>;
  const level = Math.round((organisations[0]?.commitments.level ?? 0.8) * 100);
  const summary = rows.map((r) => `${r.name} ${pct(r.adjusted)} (${pct(r.lower)} to ${pct(r.upper)}), ${r.counts}`).join("; ");
  return (
    <figure className="result-figure health-figure" data-chart="kept">
      <PlotChart build={draw} label={`Chart of adjusted kept-on-time rates: ${summary}.`} />
      <figcaption className="result-figure__caption">
        Each dot is an organisation’s kept-on-time rate adjusted for how few commitments fell due; the blue line is its {level}% interval, wider when there
        are fewer. The counts are on the right{threshold === null ? "" : `; the dashed line is ${pct(threshold)}`}.
      </figcaption>
    </figure>
  );
}
