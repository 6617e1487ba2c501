// Perceived trust received (competence and integrity) against the adjusted kept-on-time rate: four quadrants, labelled points, a list of those to look at.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import type { Health, QuadrantRow } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { CHART_STYLE, one, pct } from "./health-format.ts";
import { FigureTable } from "./FigureTable.tsx";

type Placed = QuadrantRow & { perceived: number; behaviour: number };

const SHAPES: Record<string, string> = { both_high: "circle", perception_to_revisit: "diamond", warning: "triangle", both_low: "square" };
const COLOURS: Record<string, string> = { both_high: "#0072b2", perception_to_revisit: "#009e73", warning: "#d55e00", both_low: "#505a5f" };

function build(rows: Placed[], q: Health["quadrant"], width: number) {
  const corners = [
    { x: 1, y: 4, text: "Trusted, keeps commitments", anchor: "top-right" },
    { x: 0, y: 4, text: "Trusted, does not keep them: warning", anchor: "top-left" },
    { x: 1, y: 1, text: "Keeps them, rated low: revisit", anchor: "bottom-right" },
    { x: 0, y: 1, text: "Rated low, does not keep them", anchor: "bottom-left" },
  ];
  return Plot.plot({
    width,
    height: Math.min(420, Math.max(300, width * 0.7)),
    marginLeft: 45,
    marginRight: 20,
    marginTop: 40,
    marginBottom: 45,
    style: { ...CHART_STYLE, fontSize: width < 500 ? "12px" : "14px" },
    x: { domain: [0, 1], label: "Adjusted kept-on-time rate", tickFormat: (d: number) => `${Math.round(d * 100)}%`, ticks: 5, labelOffset: 38 },
    y: { domain: [1, 4], label: "Trust received: competence and integrity (1 to 4)", ticks: 4 },
    symbol: { domain: Object.keys(SHAPES), range: Object.values(SHAPES) },
    marks: [
      Plot.frame({ stroke: "#b1b4b6" }),
      Plot.ruleX([q.behaviourThreshold], { stroke: "#505a5f", strokeDasharray: "4,3" }),
      Plot.ruleY([q.perceivedThreshold], { stroke: "#505a5f", strokeDasharray: "4,3" }),
      ...corners.map((c) =>
        Plot.text([c], { frameAnchor: c.anchor as "top-right", text: "text", fill: "#505a5f", dx: c.anchor.endsWith("left") ? 6 : -6, dy: c.anchor.startsWith("top") ? 6 : -6 }),
      ),
      Plot.dot(rows, { className: "quadrant-dot", x: "behaviour", y: "perceived", symbol: "quadrant", r: 7, fill: (r: Placed) => COLOURS[r.quadrant] ?? "#0b0c0c", stroke: "#0b0c0c" }),
      Plot.text(rows, { x: "behaviour", y: "perceived", text: "organisationName", lineWidth: width < 500 ? 9 : 16, lineAnchor: "bottom", dy: -10, fill: "#0b0c0c", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  });
}

interface Props {
  health: Health;
  orgLink: (orgId: string) => string;
}

export function QuadrantSection({ health, orgLink }: Props) {
  const q = health.quadrant;
  const placed = useMemo(() => q.rows.filter((r): r is Placed => r.perceived !== null && r.behaviour !== null && r.quadrant !== "not_enough_data"), [q.rows]);
  const draw = useCallback((width: number) => build(placed, q, width), [placed, q]);
  const revisit = q.rows.filter((r) => r.quadrant === "perception_to_revisit");
  const warning = q.rows.filter((r) => r.quadrant === "warning");
  const summary = placed.map((r) => `${r.organisationName}: trust ${one(r.perceived)}, kept ${pct(r.behaviour)}, ${r.label}`).join("; ");
  const list = (rows: QuadrantRow[], empty: string) =>
    rows.length === 0 ? (
      <p className="body">{empty}</p>
    ) : (
      <ul className="list list--bullet">
        {rows.map((r) => (
          <li key={r.organisationId}>
            <Link to={orgLink(r.organisationId)}>{r.organisationName}</Link>: {r.label}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      {q.rule ? <p className="body">{q.rule}</p> : null}
      {placed.length > 0 ? (
        <figure className="result-figure health-figure" data-chart="quadrant">
          <PlotChart build={draw} label={`Quadrant chart of perceived trust against commitments kept: ${summary}.`} />
          <figcaption className="result-figure__caption">
            Dashed lines: {one(q.perceivedThreshold)} for trust received and {pct(q.behaviourThreshold)} kept on time. Shapes: circle trusted and keeps
            commitments, diamond a perception to revisit, triangle a warning, square low on both.
          </figcaption>
          <FigureTable
            caption="Where each organisation sits"
            head={["Organisation", "Trust received", "Kept on time", "Reading"]}
            rows={q.rows.map((r) => ({ key: r.organisationId, cells: [r.organisationName, r.perceived === null ? "Not shown" : one(r.perceived), pct(r.behaviour), r.label] }))}
          />
        </figure>
      ) : (
        <p className="body">No organisation has both a published trust rating and commitments due, so none can be placed yet.</p>
      )}
      <h4 className="heading-s">Perception to revisit</h4>
      {list(revisit, "None: no organisation keeps its commitments while being rated low.")}
      <h4 className="heading-s">Warning</h4>
      {list(warning, "None: no organisation is rated highly while not keeping its commitments.")}
    </>
  );
}
