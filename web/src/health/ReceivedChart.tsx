// One organisation's trust received in each published network wave (a line with dots), with a table of the same figures.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { NetworkWave } from "../api/health-types.ts";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { CHART_STYLE, one } from "./health-format.ts";
import { FigureTable } from "./FigureTable.tsx";

interface Point {
  name: string;
  received: number;
  series: string;
}

function build(points: Point[], names: string[], width: number) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 40,
    marginRight: 30,
    marginBottom: 45,
    style: CHART_STYLE,
    x: { domain: names, label: null, padding: 0.3, tickFormat: (n: string) => (width < 500 && n.length > 12 ? `${n.slice(0, 11)}…` : n) },
    y: { domain: [1, 4], label: "Trust received (1 to 4)", grid: true },
    symbol: { domain: ["Overall", "Competence and integrity"], range: ["circle", "square"], legend: true },
    marks: [
      Plot.line(points, { filter: (p: Point) => p.series === "Overall", x: "name", y: "received", stroke: "#0b0c0c" }),
      Plot.line(points, { filter: (p: Point) => p.series !== "Overall", x: "name", y: "received", stroke: "#0b0c0c", strokeDasharray: "4,3" }),
      Plot.dot(points, { x: "name", y: "received", symbol: "series", r: 5, fill: "#0072b2", stroke: "#0b0c0c" }),
      Plot.text(points, { filter: (p: Point) => p.series === "Overall", x: "name", y: "received", text: (p: Point) => one(p.received), dx: 14, textAnchor: "start" }),
    ],
  });
}

export function ReceivedChart({ network, organisationId, name }: { network: NetworkWave[]; organisationId: string; name: string }) {
  const rows = useMemo(
    () => network.map((w) => ({ wave: w, row: w.organisations.find((o) => o.organisationId === organisationId) ?? null })),
    [network, organisationId],
  );
  const points = useMemo(
    () =>
      rows.flatMap(({ wave, row }) => [
        ...(row?.received != null ? [{ name: wave.name, received: row.received, series: "Overall" }] : []),
        ...(row?.competenceIntegrity != null ? [{ name: wave.name, received: row.competenceIntegrity, series: "Competence and integrity" }] : []),
      ]),
    [rows],
  );
  const names = useMemo(() => network.map((w) => w.name), [network]);
  const draw = useCallback((width: number) => build(points, names, width), [points, names]);
  if (network.length === 0) return <p className="body">No network wave has been published yet.</p>;
  const summary = rows.map(({ wave, row }) => `${wave.name}: ${row?.received == null ? "not shown" : one(row.received)}`).join("; ");
  return (
    <figure className="result-figure health-figure" data-chart="received">
      {points.length > 0 ? <PlotChart build={draw} label={`Line chart of trust ${name} received in each network wave: ${summary}.`} /> : null}
      <figcaption className="result-figure__caption">Trust {name} received from other organisations in each published network wave.</figcaption>
      <FigureTable
        caption={`Trust ${name} received in each network wave`}
        head={["Wave", "Trust received", "Competence and integrity", "Ties shown"]}
        rows={rows.map(({ wave, row }) => ({
          key: wave.waveId,
          cells: [wave.name, row?.received == null ? "Not shown" : one(row.received), row?.competenceIntegrity == null ? "Not shown" : one(row.competenceIntegrity), row?.inDegree ?? 0],
        }))}
      />
    </figure>
  );
}
