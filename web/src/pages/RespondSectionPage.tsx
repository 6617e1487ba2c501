// /respond/:linkToken/section/:number – one section of the survey per page, with progress, Back and Continue.
import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import type { SurveyItem } from "../api/survey-types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { SurveyQuestion } from "../components/SurveyQuestion.tsx";
import { useFormErrors } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { itemFieldId } from "../surveys/answer-labels.ts";
import { useRespond } from "./RespondLayout.tsx";

/** The message for a required question left unanswered, naming the question. */
export function unansweredMessage(item: SurveyItem): string {
  return item.response.kind === "agreement5"
    ? `Choose an answer to “${item.text}” (or “Don’t know”)`
    : `Choose an answer to “${item.text}”`;
}

function SectionForm({ index }: { index: number }) {
  const { token, info, answers, setAnswer } = useRespond();
  const navigate = useNavigate();
  const sections = info.instrument.sections;
  const section = sections[index]!;
  const [fields] = useState(() => Object.fromEntries(section.items.map((i) => [i.key, itemFieldId(i.key)])));
  const errors = useFormErrors(fields);
  const base = `/respond/${encodeURIComponent(token)}`;
  useTitle(`${errors.summary.length > 0 ? "Error: " : ""}${section.title} – ${info.waveName}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = section.items.filter((i) => i.required && answers[i.key] === undefined);
    errors.show(missing.map((i) => ({ field: i.key, message: unansweredMessage(i) })));
    if (missing.length > 0) return;
    navigate(index + 1 < sections.length ? `${base}/section/${index + 2}` : info.network ? `${base}/organisations` : `${base}/check`);
  }

  return (
    <>
      <Link to={index === 0 ? base : `${base}/section/${index}`} className="back-link">
        Back
      </Link>
      <div className="two-thirds">
        <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
        <p className="caption" id="section-progress">
          Section {index + 1} of {sections.length + (info.network ? 1 : 0)}
        </p>
        <h1 className="heading-l" aria-describedby="section-progress">
          {section.title}
        </h1>
        {section.intro ? <p className="body">{section.intro}</p> : null}
        <form onSubmit={submit} noValidate>
          {section.items.map((item) => (
            <SurveyQuestion
              key={item.key}
              item={item}
              answer={answers[item.key]}
              error={errors.of(item.key)}
              onChange={(answer) => setAnswer(item.key, answer)}
            />
          ))}
          <button type="submit" className="button">
            Continue
          </button>
        </form>
      </div>
    </>
  );
}

export function RespondSectionPage() {
  const { token, info } = useRespond();
  const { number = "" } = useParams();
  const index = Number(number) - 1;
  if (!Number.isInteger(index) || index < 0 || index >= info.instrument.sections.length) {
    return <Navigate to={`/respond/${encodeURIComponent(token)}`} replace />;
  }
  // A fresh form per section, so one section's errors never show on the next.
  return <SectionForm key={index} index={index} />;
}
