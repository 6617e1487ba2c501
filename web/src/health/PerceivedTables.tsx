// Perceived trust as tables: the latest wave's level × dimension grid with bands, and the change since the baseline wave.
import type { Health } from "../api/health-types.ts";
import type { ScoreFigure } from "../api/survey-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { BAND_LABELS, bandOf, DIMENSIONS, DIMENSION_LABELS, LEVELS, LEVEL_LABELS, scoreName } from "../surveys/figures.ts";
import { hiddenReason, one, scoreText, signed } from "./health-format.ts";

function Cell({ figure, label }: { figure: ScoreFigure | undefined; label: string }) {
  if (!figure || figure.status === "suppressed") {
    return (
      <td className="heat__cell heat__cell--none" data-label={label}>
        {figure ? hiddenReason(figure.reason) : "Not asked"}
      </td>
    );
  }
  if (figure.status === "coarse") {
    return (
      <td className={`heat__cell heat__cell--${figure.band ?? "none"}`} data-label={label}>
        <span className="heat__band">{figure.band ? BAND_LABELS[figure.band] : "Rough figure only"}</span>
        <span className="heat__detail">Rough figure: most answers alike (n = {figure.n})</span>
      </td>
    );
  }
  const band = figure.band ?? bandOf(figure.mean);
  return (
    <td className={`heat__cell heat__cell--${band}`} data-label={label}>
      <span className="heat__mean">{one(figure.mean)}</span> <span className="heat__band">{BAND_LABELS[band]}</span>
      <span className="heat__detail">
        {figure.lower != null && figure.upper != null ? `95% interval ${one(figure.lower)} to ${one(figure.upper)}, ` : ""}n = {figure.n}
      </span>
    </td>
  );
}

export function ScoresGrid({ perceived }: { perceived: Health["perceived"] }) {
  const { scores, latestWave } = perceived;
  const find = (l: string, d: string) => scores.find((s) => s.level === l && s.dimension === d)?.figure;
  const levels = LEVELS.filter((l) => scores.some((s) => s.level === l));
  const dimensions = DIMENSIONS.filter((d) => scores.some((s) => s.dimension === d));
  if (!latestWave || levels.length === 0) return <p className="body">No survey wave has been published yet.</p>;
  return (
    <TableWrap label="Trust scores by level and dimension">
      <table className="table heat">
        <caption className="heat__caption">Trust scores in {latestWave.name}, by level and dimension (1 to 5)</caption>
        <thead>
          <tr>
            <td className="heat__corner" />
            {dimensions.map((d) => (
              <th scope="col" key={d}>
                {DIMENSION_LABELS[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.map((l) => (
            <tr key={l}>
              <th scope="row">{LEVEL_LABELS[l]}</th>
              {dimensions.map((d) => (
                <Cell key={d} figure={find(l, d)} label={DIMENSION_LABELS[d]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
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
