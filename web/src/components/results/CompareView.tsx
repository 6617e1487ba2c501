// Compare this published wave with another: change in each score with its 95% interval (chart and table), and the baseline question.
import * as Plot from "@observablehq/plot";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "../../api/client.ts";
import type { Comparison, ScoreFigure, Wave } from "../../api/survey-types.ts";
import { surveyApi } from "../../api/surveys.ts";
import { interval, notShown, one, scoreName, signed } from "../../surveys/figures.ts";
import { ErrorPanel, Loading, TableWrap } from "../Feedback.tsx";
import { Select } from "../fields.tsx";
import { PlotChart } from "./PlotChart.tsx";
import { BaselineChange } from "./BaselineChange.tsx";

interface Change {
  name: string;
  difference: number;
  lower: number | null;
  upper: number | null;
}

function buildChanges(changes: Change[], width: number) {
  const values = changes.flatMap((c) => [c.difference, c.lower ?? c.difference, c.upper ?? c.difference]);
  const domain = [Math.min(-0.5, ...values), Math.max(0.5, ...values)];
  const marginLeft = Math.min(220, Math.max(120, Math.round(width * 0.4)));
  return Plot.plot({
    width,
    height: 60 + changes.length * 34,
    marginLeft,
    marginRight: 20,
    marginBottom: 50,
    style: { fontSize: "14px", fontFamily: "inherit", color: "#0b0c0c", background: "transparent" },
    x: { domain, nice: true, label: "Change in mean score (1–5 scale), with 95% interval", ticks: width < 500 ? 4 : 6, labelOffset: 42, tickFormat: signed },
    y: { domain: changes.map((c) => c.name), label: null },
    marks: [
      Plot.axisY({ lineWidth: (marginLeft - 12) / 14, tickSize: 0 }),
      Plot.ruleX([0], { stroke: "#505a5f", strokeDasharray: "4,3" }),
      Plot.ruleY(changes, { filter: (c: Change) => c.lower !== null && c.upper !== null, y: "name", x1: "lower", x2: "upper", stroke: "#0072b2", strokeWidth: 3 }),
      Plot.dot(changes, { y: "name", x: "difference", r: 6, fill: "#0b0c0c" }),
    ],
  });
}

const scoreText = (f: ScoreFigure | null, k: number) => (f === null ? "Not asked" : f.status === "released" ? one(f.mean) : f.status === "coarse" ? "Rough figure only" : notShown(f.reason, k));

function ComparisonResult({ comparison, k }: { comparison: Comparison; k: number }) {
  const released = useMemo(
    () =>
      comparison.scores.flatMap((s) =>
        s.change.status === "released" ? [{ name: scoreName(s.level, s.dimension), difference: s.change.difference, lower: s.change.lower, upper: s.change.upper }] : [],
      ),
    [comparison],
  );
  const build = useCallback((width: number) => buildChanges(released, width), [released]);
  const { from, to } = comparison;
  const withInterval = (c: { difference: number; lower: number | null; upper: number | null }) => {
    const range = interval(c.lower, c.upper, signed);
    return range ? `${signed(c.difference)} (${range})` : signed(c.difference);
  };
  const summary = released.map((c) => `${c.name} ${withInterval(c)}`).join("; ");
  return (
    <>
      <h4 className="heading-s">
        Change from {from.name} to {to.name}
      </h4>
      {released.length > 0 ? (
        <figure className="result-figure">
          <PlotChart build={build} label={`Chart of changes in score from ${from.name} to ${to.name}: ${summary}.`} />
          <figcaption className="result-figure__caption">
            Each dot is the change in a mean score; the line is its 95% interval. Where the line crosses zero, the change may be chance.
          </figcaption>
        </figure>
      ) : (
        <p className="body">No change in score can be shown: the groups are too small in one of the waves.</p>
      )}
      <TableWrap label="Changes in score">
        <table className="table">
          <caption className="visually-hidden">Scores in {from.name} and {to.name}, and the change</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">{from.name}</th>
              <th scope="col">{to.name}</th>
              <th scope="col">Change (95% interval)</th>
            </tr>
          </thead>
          <tbody>
            {comparison.scores.map((s) => (
              <tr key={`${s.level}-${s.dimension}`}>
                <th scope="row">{scoreName(s.level, s.dimension)}</th>
                <td>{scoreText(s.from, k)}</td>
                <td>{scoreText(s.to, k)}</td>
                <td>
                  {s.change.status === "released" ? withInterval(s.change) : notShown(s.change.reason, k)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <BaselineChange comparison={comparison} k={k} />
    </>
  );
}

interface Props {
  partnershipId: string;
  wave: { id: string; name: string; k: number };
  waves: Wave[];
}

export function CompareView({ partnershipId, wave, waves }: Props) {
  const others = waves.filter((w) => w.status === "published" && w.id !== wave.id);
  const [other, setOther] = useState("");
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (other === "") return undefined;
    let live = true;
    setLoading(true);
    setError(null);
    surveyApi.compare(partnershipId, wave.id, other).then(
      (c) => live && (setComparison(c), setLoading(false)),
      (e: unknown) => live && (setError(e), setComparison(null), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [partnershipId, wave.id, other]);

  if (others.length === 0) {
    return <p className="body">There is no other published wave to compare with yet.</p>;
  }
  return (
    <>
      <Select
        id="compare-with"
        label="Compare with"
        hint="Another published wave of this partnership, for example the baseline."
        value={other}
        onChange={setOther}
        placeholder="Choose a wave"
        options={others.map((w) => ({ value: w.id, label: w.name }))}
      />
      {loading ? <Loading what="Loading the comparison" /> : null}
      {error instanceof ApiError && (error.status === 404 || error.status === 409) ? (
        <p className="body">{error.detail ?? "These two waves cannot be compared."}</p>
      ) : error ? (
        <ErrorPanel error={error} />
      ) : null}
      {comparison && other !== "" && !loading ? <ComparisonResult comparison={comparison} k={wave.k} /> : null}
    </>
  );
}
