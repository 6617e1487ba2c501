// The body of a results page: groups, scores heat grid(s), each question's figures per group, and written answers.
import type { Results, ResultGroup } from "../../api/survey-types.ts";
import { BAND_RULES, BAND_LABELS, notShown } from "../../surveys/figures.ts";
import { QuestionResult } from "./QuestionResult.tsx";
import { ScoreGrid } from "./ScoreGrid.tsx";

function BandKey() {
  return (
    <ul className="band-key" aria-label="Bands">
      {BAND_RULES.map(({ band, rule }) => (
        <li key={band}>
          <span className={`band band--${band}`}>{BAND_LABELS[band]}</span> {rule}
        </li>
      ))}
    </ul>
  );
}

/** With a breakdown: how many answered in each group, or why a group cannot be shown. */
export function GroupsSummary({ groups, k }: { groups: ResultGroup[]; k: number }) {
  return (
    <>
      <ul className="list list--bullet">
        {groups.map((g) => (
          <li key={g.key}>
            {g.label}: {g.status === "released" ? (g.n !== undefined ? `${g.n} people answered` : "shown") : notShown(g.reason, k)}
          </li>
        ))}
      </ul>
      {groups.some((g) => g.status !== "released") ? (
        <p className="body">Groups that cannot be shown are left out of the scores and questions below.</p>
      ) : null}
    </>
  );
}

export function ScoresSection({ results, groups }: { results: Results; groups: ResultGroup[] }) {
  if (results.scores.length === 0) return null;
  const k = results.wave.k;
  return (
    <section aria-labelledby="scores-heading" className="section">
      <h3 className="heading-m" id="scores-heading">
        Trust scores
      </h3>
      <p className="body">
        Mean scores on a scale of 1 (strongly disagree) to 5 (strongly agree), by level of trust and side of
        trustworthiness, with a 95% interval: the range the true score probably lies in. “Don’t know” is left out.
      </p>
      <BandKey />
      {groups.map((g) =>
        g.status === "released" ? (
          <div className="heat-wrap" key={g.key}>
            <ScoreGrid scores={results.scores} groupKey={g.key} caption={groups.length > 1 ? g.label : "Scores for the whole partnership"} k={k} />
          </div>
        ) : null,
      )}
    </section>
  );
}

export function QuestionsSection({ results, groups }: { results: Results; groups: ResultGroup[] }) {
  const k = results.wave.k;
  const sections = [...new Set(results.questions.map((q) => q.sectionTitle))];
  return (
    <section aria-labelledby="questions-heading" className="section">
      <h3 className="heading-m" id="questions-heading">
        Answers to each question
      </h3>
      {sections.map((title) => (
        <div key={title} className="result-section">
          <h4 className="heading-s result-section__title">{title}</h4>
          {results.questions
            .filter((q) => q.sectionTitle === title)
            .map((q) => (
              <div key={q.itemKey} className="result-question">
                <h5 className="result-question__text">{q.text}</h5>
                {groups.map((g) =>
                  groups.length > 1 ? (
                    <div key={g.key} className="result-group">
                      <h6 className="result-group__label">{g.label}</h6>
                      {g.status === "released" ? (
                        <QuestionResult question={`${q.text} (${g.label})`} figure={q.figures[g.key]} k={k} />
                      ) : (
                        <p className="result-suppressed">{notShown(g.reason, k)}</p>
                      )}
                    </div>
                  ) : (
                    <QuestionResult key={g.key} question={q.text} figure={q.figures[g.key]} k={k} />
                  ),
                )}
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}

export function FreeTextSection({ results }: { results: Results }) {
  if (results.freeText.length === 0) return null;
  return (
    <section aria-labelledby="free-text-heading" className="section">
      <h3 className="heading-m" id="free-text-heading">
        Written answers
      </h3>
      <p className="body">Shown only when at least 10 people answered, in shuffled order and without dates, so nobody can be identified.</p>
      {results.freeText.map((f) => (
        <div key={f.itemKey} className="result-question">
          <h4 className="result-question__text">{f.text}</h4>
          {f.figure.status === "released" ? (
            f.figure.texts.length > 0 ? (
              <ul className="quotes">
                {f.figure.texts.map((t, i) => (
                  <li key={i} className="quotes__item">
                    {t}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="body">Nobody wrote anything here.</p>
            )
          ) : (
            <p className="result-suppressed">{notShown(f.figure.reason, 10)}</p>
          )}
        </div>
      ))}
    </section>
  );
}
