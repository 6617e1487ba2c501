// /respond/:linkToken/organisations – after the survey's sections: rate each other organisation (network waves only).
import { useEffect, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useTitle } from "../hooks.ts";
import { useRespond } from "../pages/RespondLayout.tsx";
import { RatingBlock } from "./RatingBlock.tsx";
import "../styles/network.css";

export function RespondRatingsPage() {
  const { token, info, ratings, setRating } = useRespond();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const block = info.network;
  const sections = info.instrument.sections.length;
  const base = `/respond/${encodeURIComponent(token)}`;
  useTitle(`Rate the other organisations – ${info.waveName}`);
  useEffect(() => {
    // "Change" on the check page links to one organisation: bring it into view and put focus on its first choice.
    // It waits a moment, as the page frame moves focus to the top of a newly opened page first.
    if (!hash.startsWith("#rate-")) return undefined;
    const timer = window.setTimeout(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      target?.scrollIntoView({ block: "start" });
      target?.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [hash]);
  if (!block) return <Navigate to={`${base}/check`} replace />;

  const done = block.organisations.filter((o) => ratings[o.id] !== undefined).length;
  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(`${base}/check`);
  }

  return (
    <>
      <Link to={`${base}/section/${sections}`} className="back-link">
        Back
      </Link>
      <div className="two-thirds">
        <p className="caption" id="section-progress">
          Section {sections + 1} of {sections + 1}
        </p>
        <h1 className="heading-l" aria-describedby="section-progress">
          Rate the other organisations
        </h1>
        <div className="notice">
          <p>{block.explanation}</p>
        </div>
        <p className="body">
          Every rating is optional: rate only the organisations you know, and skip any you cannot judge. For each one,
          how far is each of these true?
        </p>
        <dl className="rating-questions">
          {block.dimensions.map((d) => (
            <div key={d.key}>
              <dt>{d.label}</dt>
              <dd>{d.question}</dd>
            </div>
          ))}
        </dl>
        <ul className="scale-key" aria-label="The scale">
          {block.scale.map((s) => (
            <li key={s.value}>
              <strong>{s.value}</strong> {s.label}
            </li>
          ))}
        </ul>
        <p className="body">
          You have rated {done} of {block.organisations.length} organisations.
        </p>
        <form onSubmit={submit} noValidate>
          {block.organisations.map((o) => (
            <RatingBlock key={o.id} block={block} organisation={o} rating={ratings[o.id]} onChange={(r) => setRating(o.id, r)} />
          ))}
          <button type="submit" className="button">
            Continue
          </button>
        </form>
      </div>
    </>
  );
}
