// Heat grid of trust scores for one group: levels × dimensions, each cell coloured and named by its band, with its 95% interval.
import type { ScoreFigure, ScoreResult } from "../../api/survey-types.ts";
import { BAND_LABELS, bandOf, DIMENSIONS, DIMENSION_LABELS, LEVELS, LEVEL_LABELS, interval, notShown, one } from "../../surveys/figures.ts";

function Cell({ figure, k, label }: { figure: ScoreFigure | undefined; k: number; label: string }) {
  if (!figure || figure.status === "suppressed") {
    return (
      <td className="heat__cell heat__cell--none" data-label={label}>
        {notShown(figure?.status === "suppressed" ? figure.reason : undefined, k)}
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
  const range = interval(figure.lower, figure.upper);
  return (
    <td className={`heat__cell heat__cell--${band}`} data-label={label}>
      <span className="heat__mean">{one(figure.mean)}</span> <span className="heat__band">{BAND_LABELS[band]}</span>
      <span className="heat__detail">
        {range ? `95% interval ${range}, ` : ""}n = {figure.n}
      </span>
    </td>
  );
}

interface Props {
  scores: ScoreResult[];
  groupKey: string;
  caption: string;
  k: number;
}

export function ScoreGrid({ scores, groupKey, caption, k }: Props) {
  const find = (level: string, dimension: string) => scores.find((s) => s.level === level && s.dimension === dimension)?.figures[groupKey];
  const levels = LEVELS.filter((l) => DIMENSIONS.some((d) => scores.some((s) => s.level === l && s.dimension === d)));
  const dimensions = DIMENSIONS.filter((d) => levels.some((l) => scores.some((s) => s.level === l && s.dimension === d)));
  if (levels.length === 0) return null;
  return (
    <table className="table heat">
      <caption className="heat__caption">{caption}</caption>
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
        {levels.map((level) => (
          <tr key={level}>
            <th scope="row">{LEVEL_LABELS[level]}</th>
            {dimensions.map((d) => (
              <Cell key={d} figure={find(level, d)} k={k} label={DIMENSION_LABELS[d]} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
