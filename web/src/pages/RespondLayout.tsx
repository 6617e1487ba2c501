// /respond/:linkToken – loads the survey behind a personal link (no sign-in) and frames its pages; answers stay in this tab.
import { useCallback, useEffect, useState } from "react";
import { Outlet, useOutletContext, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import type { Ratings, TieRating } from "../api/network-types.ts";
import type { Answer, Answers, RespondInfo } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { loadAnswers, loadRatings, saveAnswers, saveRatings } from "../surveys/respond-storage.ts";

export interface RespondContext {
  token: string;
  info: RespondInfo;
  answers: Answers;
  setAnswer: (itemKey: string, answer: Answer | undefined) => void;
  /** Ratings of other organisations (only when info.network is set). */
  ratings: Ratings;
  setRating: (organisationId: string, rating: TieRating | undefined) => void;
  /** True once this tab's answers were stored: the confirmation page may show. */
  submitted: boolean;
  markSubmitted: () => void;
  /** The server says the link is no longer open (answered elsewhere, or closed meanwhile). */
  setStatus: (status: RespondInfo["status"]) => void;
}

export function useRespond(): RespondContext {
  return useOutletContext<RespondContext>();
}

function StatusPage({ info }: { info: RespondInfo }) {
  const titles = {
    answered: "You have already answered this survey",
    not_open: "This survey has not opened yet",
    closed: "This survey has closed",
    open: "",
  };
  useTitle(titles[info.status]);
  const survey = `“${info.waveName}” for ${info.partnershipName}`;
  return (
    <div className="two-thirds">
      <p className="caption">{info.partnershipName}</p>
      <h1 className="heading-l">{titles[info.status]}</h1>
      {info.status === "answered" ? (
        <>
          <p className="body">
            We already have your answers to {survey}, so this link cannot take them again. Each personal
            link takes one set of answers; that keeps the results fair, and nobody can tell which answers were yours.
          </p>
          <p className="body">
            The results are shared once the survey has closed and the convenor publishes them. They only ever
            show groups of at least {info.k} people.
          </p>
          <p className="body">Thank you for taking part.</p>
        </>
      ) : null}
      {info.status === "not_open" ? (
        <>
          <p className="body">
            Your link to {survey} is ready, but the convenor has not opened the survey yet. Please try the same
            link again later; it will work once the survey opens.
          </p>
          <p className="body">
            It is planned to open on {formatDay(info.opensOn)} and to close on {formatDay(info.closesOn)}.
          </p>
        </>
      ) : null}
      {info.status === "closed" ? (
        <>
          <p className="body">
            {survey} closed on or before {formatDay(info.closesOn)}, so it can no longer take answers. Thank you
            all the same.
          </p>
          <p className="body">If you think this is a mistake, contact the convenor of {info.partnershipName}.</p>
        </>
      ) : null}
    </div>
  );
}

function LinkNotValid({ message }: { message: string | undefined }) {
  useTitle("This survey link does not work");
  return (
    <div className="two-thirds">
      <h1 className="heading-l">This survey link does not work</h1>
      <p className="body">
        {message ?? "This survey link is not valid. Check you copied all of it, or ask your convenor for a new one."}
      </p>
    </div>
  );
}

export function RespondLayout() {
  const { linkToken = "" } = useParams();
  const [info, setInfo] = useState<RespondInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [answers, setAnswers] = useState<Answers>(() => loadAnswers(linkToken));
  const [ratings, setRatings] = useState<Ratings>(() => loadRatings(linkToken));
  const [submitted, setSubmitted] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    surveyApi.respondInfo(linkToken).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [linkToken, generation]);

  const setAnswer = useCallback(
    (itemKey: string, answer: Answer | undefined) => {
      setAnswers((prev) => {
        const next = { ...prev };
        if (answer === undefined) delete next[itemKey];
        else next[itemKey] = answer;
        saveAnswers(linkToken, next);
        return next;
      });
    },
    [linkToken],
  );
  const setRating = useCallback(
    (organisationId: string, rating: TieRating | undefined) => {
      setRatings((prev) => {
        const next = { ...prev };
        if (rating === undefined) delete next[organisationId];
        else next[organisationId] = rating;
        saveRatings(linkToken, next);
        return next;
      });
    },
    [linkToken],
  );
  const markSubmitted = useCallback(() => {
    setSubmitted(true);
    setAnswers({});
    setRatings({});
  }, []);
  const setStatus = useCallback((status: RespondInfo["status"]) => setInfo((i) => (i ? { ...i, status } : i)), []);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 422)) {
    return <LinkNotValid message={error.status === 404 ? error.detail : undefined} />;
  }
  if (error) {
    return (
      <>
        <h1 className="heading-l">Survey</h1>
        <ErrorPanel error={error} onRetry={() => setGeneration((g) => g + 1)} />
      </>
    );
  }
  if (!info) return <Loading what="Loading the survey" />;
  if (!submitted && info.status !== "open") return <StatusPage info={info} />;

  const context: RespondContext = { token: linkToken, info, answers, setAnswer, ratings, setRating, submitted, markSubmitted, setStatus };
  return <Outlet context={context} />;
}
