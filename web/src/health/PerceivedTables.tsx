// Perceived trust as tables: the latest wave's level × dimension grid with bands, and the change since the baseline wave.
import type { Health } from "../api/health-types.ts";
import type { ScoreDimension, ScoreLevel, ScoreResult } from "../api/survey-types.ts";
import { ScoreGrid } from "../components/results/ScoreGrid.tsx";
import { TableWrap } from "../components/Feedback.tsx";
import { scoreName } from "../surveys/figures.ts";
import { hiddenReason, scoreText, signed } from "./health-format.ts";

/** The latest wave's grid, drawn by the results page's own ScoreGrid (same cells, bands and "not shown" wording). */
export function ScoresGrid({ perceived }: { perceived: Health["perceived"] }) {
  const { scores, latestWave } = perceived;
  if (!latestWave || scores.length === 0) return <p className="body">No survey wave has been published yet.</p>;
  const asResults: ScoreResult[] = scores.map((s) => ({ level: s.level as ScoreLevel, dimension: s.dimension as ScoreDimension, figures: { all: s.figure } }));
  return (
    <TableWrap label="Trust scores by level and dimension">
      <ScoreGrid scores={asResults} groupKey="all" k={latestWave.k} caption={`Trust scores in ${latestWave.name}, by level and dimension (1 to 5)`} />
    </TableWrap>
  );
}

export function SinceBaseline({ perceived }: { perceived: Health["perceived"] }) {
  const c = perceived.sinceBaseline;
  if (!c) return <p className="body">Change since the baseline needs at least two published waves.</p>;
  return (
    <TableWrap label="Change since the baseline">
      <table className="table table--stack health-table">
        <caption className="heat__caption">
          Change from {c.from.name} (the baseline) to {c.to.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">{c.from.name}</th>
            <th scope="col">{c.to.name}</th>
            <th scope="col">Change (95% interval)</th>
          </tr>
        </thead>
        <tbody>
          {c.scores.map((s) => (
            <tr key={`${s.level}-${s.dimension}`}>
              <th scope="row">{scoreName(s.level, s.dimension)}</th>
              <td data-label={c.from.name}>{scoreText(s.from)}</td>
              <td data-label={c.to.name}>{scoreText(s.to)}</td>
              <td data-label="Change">
                {s.change.status === "released"
                  ? `${signed(s.change.difference)}${s.change.lower != null && s.change.upper != null ? ` (${signed(s.change.lower)} to ${signed(s.change.upper)})` : ""}`
                  : hiddenReason(s.change.reason)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
