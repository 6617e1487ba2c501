// The baseline question's answers as a small stacked bar (decoration) with the same figures in words beside it.
import type { QuestionFigure } from "../api/survey-types.ts";
import { baselineText } from "./programme-format.ts";

/** Deep blue to vermillion for the ordered answers, then greys for "don't know" style answers; words carry the meaning. */
export const BASELINE_COLOURS = ["#08519c", "#4292c6", "#9ecae1", "#fdae6b", "#d55e00", "#bdbdbd", "#737373"];

interface Props {
  figure: QuestionFigure | null | undefined;
  /** The wave the figure comes from, named under the words. */
  waveName?: string | undefined;
}

export function BaselineBar({ figure, waveName }: Props) {
  const words = baselineText(figure);
  if (!figure || figure.status !== "released") return <>{words}</>;
  return (
    <div className="baseline-bar">
      <div className="baseline-bar__track" aria-hidden="true">
        {figure.options.map((o, i) =>
          o.percent ? (
            <span
              key={o.value}
              className="baseline-bar__segment"
              title={`${o.label} ${o.percent}%`}
              style={{ width: `${o.percent}%`, background: BASELINE_COLOURS[i % BASELINE_COLOURS.length] }}
            />
          ) : null,
        )}
      </div>
      <span className="baseline-bar__words">{words}</span>
      {waveName ? <span className="table__sub">In {waveName} ({figure.n} answered)</span> : null}
    </div>
  );
}
