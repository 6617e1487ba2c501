// Institutionalisation: decisions and procedures in date, overdue or without a review date (bars), overdue entries linked, key-person pairs.
import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import type { Health } from "../api/health-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { PlotChart } from "../components/results/PlotChart.tsx";
import { formatDay } from "../format.ts";
import { CHART_STYLE, entryPath, pct } from "./health-format.ts";
import { FigureTable } from "./FigureTable.tsx";

const STATES = ["In date", "Overdue for review", "No review date"];
const FILLS = ["#0072b2", "#d55e00", "#b1b4b6"];

interface Bar {
  kind: string;
  state: string;
  count: number;
}

function build(bars: Bar[], width: number) {
  return Plot.plot({
    width,
    height: 150,
    marginLeft: 95,
    marginRight: 20,
    style: CHART_STYLE,
    x: { label: "Number in force", tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : "") },
    y: { domain: ["Decisions", "Procedures"], label: null },
    color: { domain: STATES, range: FILLS, legend: true },
    marks: [
      Plot.barX(bars, Plot.stackX({ x: "count", y: "kind", fill: "state", order: STATES, stroke: "white" })),
      Plot.text(bars, Plot.stackX({ x: "count", y: "kind", z: "state", order: STATES, text: (b: Bar) => (b.count > 0 ? String(b.count) : ""), fill: "white", fontWeight: "bold" })),
      Plot.ruleX([0]),
    ],
  });
}

interface Props {
  health: Health;
  partnershipId: string;
}

export function InstitutionsSection({ health, partnershipId }: Props) {
  const { decisions, procedures, overall, overdue, keyPerson } = health.institutions;
  const bars = useMemo(
    () =>
      (
        [
          ["Decisions", decisions],
          ["Procedures", procedures],
        ] as const
      ).flatMap(([kind, c]) => [
        { kind, state: STATES[0]!, count: c.inDate },
        { kind, state: STATES[1]!, count: c.overdue },
        { kind, state: STATES[2]!, count: c.noReviewDate },
      ]),
    [decisions, procedures],
  );
  const draw = useCallback((width: number) => build(bars, width), [bars]);
  const flagged = keyPerson.pairs.filter((p) => p.flagged);
  const line = (name: string, c: typeof decisions) => `${name}: ${c.inDate} in date, ${c.overdue} overdue, ${c.noReviewDate} with no review date`;
  return (
    <>
      <p className="body">
        {overall.inForce === 0
          ? "No decisions or adopted procedures are in force."
          : `${pct(overall.share)} of the ${overall.inForce} decisions and procedures in force are in date.`}
      </p>
      {overall.inForce > 0 ? (
        <figure className="result-figure health-figure" data-chart="institutions">
          <PlotChart build={draw} label={`Bar chart. ${line("Decisions", decisions)}. ${line("Procedures", procedures)}.`} />
          <FigureTable
            caption="Decisions and procedures in force"
            head={["Kind", ...STATES]}
            rows={[
              { key: "d", cells: ["Decisions", decisions.inDate, decisions.overdue, decisions.noReviewDate] },
              { key: "p", cells: ["Procedures", procedures.inDate, procedures.overdue, procedures.noReviewDate] },
            ]}
          />
        </figure>
      ) : null}
      {overdue.length > 0 ? (
        <>
          <h4 className="heading-s">Overdue for review</h4>
          <ul className="list list--bullet">
            {overdue.map((o) => (
              <li key={o.entryId}>
                <Link to={entryPath(partnershipId, o.register, o.entryId)}>{o.title}</Link> ({o.register === "decisions" ? "decision" : "procedure"}
                {o.reviewOn ? `, review was due ${formatDay(o.reviewOn)}` : ""})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 className="heading-s">Resting on one person</h4>
      <p className="body">
        For each pair of organisations with at least {keyPerson.minJoint} things done together, the share carried by the single busiest person on either side.
        Above {pct(keyPerson.threshold)} the pair is flagged: trust held by one person leaves with them.
      </p>
      {keyPerson.pairs.length === 0 ? (
        <p className="body">No pair of organisations has done enough together to judge.</p>
      ) : (
        <TableWrap label="Key-person dependency by pair">
          <table className="table table--stack health-table">
            <caption className="visually-hidden">Key-person dependency by pair of organisations</caption>
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Done together</th>
                <th scope="col">Carried by one person</th>
                <th scope="col">Flag</th>
              </tr>
            </thead>
            <tbody>
              {keyPerson.pairs.map((p) => (
                <tr key={`${p.a}-${p.b}`} className={p.flagged ? "health-row--flagged" : undefined}>
                  <th scope="row">
                    {p.aName} and {p.bName}
                  </th>
                  <td data-label="Done together">{p.joint}</td>
                  <td data-label="Carried by one person">
                    {pct(p.share)}
                    {p.carriedBy ? ` (${p.carriedBy.personName}, ${p.carriedBy.organisationName})` : ""}
                  </td>
                  <td data-label="Flag">{p.flagged ? <strong className="health-flag">Rests on one person</strong> : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {flagged.length > 0 ? (
        <>
          <p className="body">
            {flagged.length === 1 ? "One pair rests" : `${flagged.length} pairs rest`} on one person. If that person left, most of the working relationship would go
            with them: bring a second person in on each side.
          </p>
          <ul className="list list--bullet" aria-label="Pairs resting on one person">
            {flagged.map((p) => (
              <li key={`${p.a}-${p.b}`}>
                {p.aName} and {p.bName}: {pct(p.share)} of {p.joint} joint entries carried by {p.carriedBy?.personName ?? "one person"}
                {p.carriedBy ? ` (${p.carriedBy.organisationName})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
