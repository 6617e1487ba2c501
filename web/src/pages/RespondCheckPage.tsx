// /respond/:linkToken/check – check your answers, change any of them, then submit once (with an idempotency key).
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../api/client.ts";
import type { Answers } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { cleanedRatings, ratingSummary } from "../network/RatingBlock.tsx";
import { answerLabel } from "../surveys/answer-labels.ts";
import { forgetRespondent, submissionKey } from "../surveys/respond-storage.ts";
import { unansweredMessage } from "./RespondSectionPage.tsx";
import { useRespond } from "./RespondLayout.tsx";

/** Only what the API takes: free text only when there is some. */
function cleaned(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([key, a]) => [key, a.text?.trim() ? { value: a.value, text: a.text.trim() } : { value: a.value }]),
  );
}

export function RespondCheckPage() {
  const { token, info, answers, ratings, markSubmitted } = useRespond();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  const base = `/respond/${encodeURIComponent(token)}`;
  const sections = info.instrument.sections;
  useTitle(`${problems.length > 0 ? "Error: " : ""}Check your answers – ${info.waveName}`);

  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);
  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);

  const sectionOf = (itemKey: string) => sections.findIndex((s) => s.items.some((i) => i.key === itemKey));

  async function submit() {
    setRefused(null);
    const missing = sections.flatMap((s, n) =>
      s.items.filter((i) => i.required && answers[i.key] === undefined).map((i) => ({ message: unansweredMessage(i), to: `${base}/section/${n + 1}` })),
    );
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const sent = info.network ? cleanedRatings(ratings, new Set(info.network.organisations.map((o) => o.id))) : undefined;
      await surveyApi.submitResponse(token, cleaned(answers), submissionKey(token), sent);
      forgetRespondent(token);
      markSubmitted();
      navigate(`${base}/done`, { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) {
        forgetRespondent(token);
        setRefused(error.detail ?? "This survey cannot take your answers any more.");
      } else if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
        setProblems(
          error.errors.map((e) => {
            if (e.path.startsWith("ratings")) return { message: e.message, to: `${base}/organisations` };
            const n = sectionOf(e.path.replace(/^answers\./, ""));
            return { message: e.message, to: n >= 0 ? `${base}/section/${n + 1}` : undefined };
          }),
        );
      } else {
        setProblems([{ message: `${describeError(error)} Your answers are still here.` }]);
      }
    }
  }

  if (refused) {
    return (
      <div className="two-thirds">
        <div className="notice" role="region" aria-label="Your answers were not sent" tabIndex={-1} ref={refusedRef}>
          <h1 className="heading-l">We could not take your answers</h1>
          <p className="body">{refused}</p>
        </div>
      </div>
    );
  }

  return (
    <>
      <Link to={info.network ? `${base}/organisations` : `${base}/section/${sections.length}`} className="back-link">
        Back
      </Link>
      <div className="two-thirds">
        <ErrorSummary items={problems} ref={summaryRef} />
        <h1 className="heading-l">Check your answers before you submit them</h1>
        {sections.map((section, n) => (
          <section key={section.key} aria-labelledby={`check-${section.key}`}>
            <h2 className="heading-m" id={`check-${section.key}`}>
              {section.title}
            </h2>
            <dl className="summary-list summary-list--check">
              {section.items.map((item) => (
                <div className="summary-list__row" key={item.key}>
                  <dt>{item.text}</dt>
                  <dd>{answerLabel(item, answers[item.key]) ?? <span className="muted">Not answered</span>}</dd>
                  <dd className="summary-list__actions">
                    <Link to={`${base}/section/${n + 1}`}>
                      Change<span className="visually-hidden"> your answer to “{item.text}”</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        {info.network ? (
          <section aria-labelledby="check-organisations">
            <h2 className="heading-m" id="check-organisations">
              Rate the other organisations
            </h2>
            <dl className="summary-list summary-list--check">
              {info.network.organisations.map((o) => (
                <div className="summary-list__row" key={o.id}>
                  <dt>{o.name}</dt>
                  <dd>{ratingSummary(info.network!, ratings[o.id]) ?? <span className="muted">Not rated</span>}</dd>
                  <dd className="summary-list__actions">
                    <Link to={`${base}/organisations#rate-${o.id}`}>
                      Change<span className="visually-hidden"> your ratings of {o.name}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        <h2 className="heading-m">Now send your answers</h2>
        <p className="body">
          You can send them once, and cannot change them afterwards. Nobody will be able to tell which answers are yours.
        </p>
        <button type="button" className="button" disabled={busy} onClick={() => void submit()}>
          {busy ? "Sending…" : "Submit answers"}
        </button>
      </div>
    </>
  );
}
