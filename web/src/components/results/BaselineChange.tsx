// The baseline question in two waves side by side: grouped bars of percentages, with a table of the same figures.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { Comparison, QuestionFigure } from "../../api/survey-types.ts";
import { notShown, percent } from "../../surveys/figures.ts";
import { PlotChart } from "./PlotChart.tsx";

/** Two colour-blind-safe colours (Okabe–Ito blue and vermillion), both at least 3:1 against white. */
const COLOURS = ["#0072b2", "#d55e00"];

interface Row {
  wave: string;
  label: string;
  percent: number | null;
}

function buildGrouped(rows: Row[], labels: string[], waves: string[], width: number) {
  const marginLeft = Math.min(200, Math.max(110, Math.round(width * 0.4)));
  return Plot.plot({
    width,
    height: 50 + labels.length * 54,
    marginLeft,
    marginRight: 48,
    style: { fontSize: "14px", fontFamily: "inherit", color: "#0b0c0c", background: "transparent" },
    x: { domain: [0, 100], label: null, ticks: width < 500 ? 3 : 5, tickFormat: (d: number) => `${d}%` },
    fy: { domain: labels, label: null, padding: 0.15 },
    y: { domain: waves, axis: null },
    color: { domain: waves, range: COLOURS, legend: true },
    marks: [
      Plot.axisFy({ lineWidth: (marginLeft - 12) / 14, tickSize: 0, anchor: "left" }),
      Plot.barX(rows, { filter: (r: Row) => r.percent !== null, x: "percent", y: "wave", fy: "label", fill: "wave" }),
      Plot.text(rows, { x: "percent", y: "wave", fy: "label", text: (r: Row) => percent(r.percent), dx: 5, textAnchor: "start", fill: "#0b0c0c" }),
      Plot.ruleX([0], { stroke: "#0b0c0c" }),
    ],
  });
}

const released = (f: QuestionFigure | null) => (f && f.status === "released" ? f : null);

export function BaselineChange({ comparison, k }: { comparison: Comparison; k: number }) {
  const { from, to, baseline } = comparison;
  const a = released(baseline.from);
  const b = released(baseline.to);
  const labels = useMemo(() => (a ?? b)?.options.map((o) => o.label) ?? [], [a, b]);
  const rows = useMemo(
    () => [...(a ? a.options.map((o) => ({ wave: from.name, label: o.label, percent: o.percent })) : []), ...(b ? b.options.map((o) => ({ wave: to.name, label: o.label, percent: o.percent })) : [])],
    [a, b, from.name, to.name],
  );
  const build = useCallback((width: number) => buildGrouped(rows, labels, [from.name, to.name], width), [rows, labels, from.name, to.name]);
  if (baseline.from === null && baseline.to === null) return null;

  const cell = (f: QuestionFigure | null, value: string) => {
    if (!f) return "Not asked";
    if (f.status === "suppressed") return notShown(f.reason, k);
    if (f.status === "coarse") return "Rough figure only";
    const option = f.options.find((o) => o.value === value);
    return option ? `${percent(option.percent)} (${option.count})` : "–";
  };
  const values = (a ?? b)?.options.map((o) => ({ value: o.value, label: o.label })) ?? [];

  return (
    <>
      <h4 className="heading-s">The baseline question: to what extent do we trust each other to work more collaboratively?</h4>
      {a && b ? (
        <figure className="result-figure">
          <PlotChart build={build} label={`Grouped bar chart of the baseline question in ${from.name} and ${to.name}; the table below gives the figures.`} />
        </figure>
      ) : (
        <p className="body">The two waves’ answers can be drawn side by side only when both can be shown in full.</p>
      )}
      {values.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">The baseline question in {from.name} and {to.name}</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">{from.name}</th>
              <th scope="col">{to.name}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => (
              <tr key={v.value}>
                <th scope="row">{v.label}</th>
                <td>{cell(baseline.from, v.value)}</td>
                <td>{cell(baseline.to, v.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="body">
          {from.name}: {cell(baseline.from, "")}. {to.name}: {cell(baseline.to, "")}.
        </p>
      )}
    </>
  );
}
