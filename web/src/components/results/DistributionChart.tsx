// One question's answers as horizontal bars of percentages, with a sentence and a table giving the same figures.
import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { OptionFigure } from "../../api/survey-types.ts";
import { distributionSentence, percent } from "../../surveys/figures.ts";
import { PlotChart } from "./PlotChart.tsx";

const BAR = "#1d70b8";
const FONT = 14;

/** Bars for `options`; the option labels wrap in a left margin that shrinks on narrow screens. */
export function buildDistribution(options: OptionFigure[], width: number): SVGSVGElement | HTMLElement {
  const marginLeft = Math.min(200, Math.max(110, Math.round(width * 0.4)));
  const longest = Math.max(...options.map((o) => o.label.length));
  const wraps = longest * FONT * 0.55 > marginLeft - 12;
  const rows = options.map((o) => o.label);
  return Plot.plot({
    width,
    height: 30 + options.length * (wraps ? 46 : 34),
    marginLeft,
    marginRight: 48,
    style: { fontSize: `${FONT}px`, fontFamily: "inherit", color: "#0b0c0c", background: "transparent" },
    x: { domain: [0, 100], label: null, ticks: width < 500 ? 3 : 5, tickFormat: (d: number) => `${d}%` },
    y: { domain: rows, label: null },
    marks: [
      Plot.axisY({ lineWidth: (marginLeft - 12) / FONT, tickSize: 0 }),
      Plot.barX(options, { filter: (o: OptionFigure) => o.percent !== null, x: "percent", y: "label", fill: BAR }),
      Plot.text(options, { x: "percent", y: "label", text: (o: OptionFigure) => percent(o.percent), dx: 5, textAnchor: "start", fill: "#0b0c0c" }),
      Plot.ruleX([0], { stroke: "#0b0c0c" }),
    ],
  });
}

interface Props {
  question: string;
  options: OptionFigure[];
  n: number;
}

export function DistributionChart({ question, options, n }: Props) {
  const build = useCallback((width: number) => buildDistribution(options, width), [options]);
  const sentence = distributionSentence(options);
  return (
    <figure className="result-figure">
      <PlotChart build={build} label={`Bar chart: ${sentence}.`} />
      <figcaption className="result-figure__caption">
        {sentence} ({n} people answered).
      </figcaption>
      <details className="details">
        <summary className="details__summary">Show the figures as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Answers to “{question}”</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col" className="table__numeric">
                People
              </th>
              <th scope="col" className="table__numeric">
                Percent
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((o) => (
              <tr key={o.value}>
                <th scope="row">{o.label}</th>
                <td className="table__numeric">{o.count}</td>
                <td className="table__numeric">{percent(o.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
