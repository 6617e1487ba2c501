// One question's published figure for one group: a chart when released, a rough note when coarse, "Not shown" when suppressed.
import type { Band, QuestionFigure } from "../../api/survey-types.ts";
import { BAND_LABELS, bandOf, interval, notShown, one } from "../../surveys/figures.ts";
import { DistributionChart } from "./DistributionChart.tsx";

export function BandTag({ band }: { band: Band }) {
  return <span className={`band band--${band}`}>{BAND_LABELS[band]}</span>;
}

interface Props {
  question: string;
  figure: QuestionFigure | undefined;
  k: number;
}

export function QuestionResult({ question, figure, k }: Props) {
  if (!figure || figure.status === "suppressed") {
    return <p className="result-suppressed">{notShown(figure?.status === "suppressed" ? figure.reason : undefined, k)}</p>;
  }
  if (figure.status === "coarse") {
    return (
      <div className="result-coarse">
        <p className="body">
          <strong>Only a rough figure can be shown:</strong> {figure.note}
        </p>
        <p className="body">
          {figure.band ? (
            <>
              Band: <BandTag band={figure.band} />{" "}
            </>
          ) : null}
          ({figure.n} people answered)
        </p>
      </div>
    );
  }
  const range = interval(figure.lower, figure.upper);
  return (
    <>
      <DistributionChart question={question} options={figure.options} n={figure.n} />
      {figure.mean !== null ? (
        <p className="body">
          Mean <strong>{one(figure.mean)}</strong> on a scale of 1 (strongly disagree) to 5 (strongly agree)
          {range ? `, 95% interval ${range}` : ""}: <BandTag band={bandOf(figure.mean)} />
          {figure.dontKnow > 0 ? ` ${figure.dontKnow} answered “Don’t know”, which is left out of the mean.` : ""}
        </p>
      ) : null}
    </>
  );
}
