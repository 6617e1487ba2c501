// /respond/:linkToken (index) – the start page: what the survey is, how long it takes, and who sees what.
import { Link } from "react-router";
import { formatDay, plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { useRespond } from "./RespondLayout.tsx";

export function RespondStartPage() {
  const { token, info, answers } = useRespond();
  const { instrument } = info;
  useTitle(info.waveName);
  const sections = instrument.sections.length + (info.network ? 1 : 0);
  const started = Object.keys(answers).length > 0;
  const first = `/respond/${encodeURIComponent(token)}/section/1`;

  return (
    <div className="two-thirds">
      <p className="caption">{info.partnershipName}</p>
      <h1 className="heading-l">{info.waveName}</h1>
      <p className="body">{instrument.description}</p>
      <ul className="list list--bullet">
        <li>It takes about {plural(instrument.minutes, "minute")} to answer.</li>
        <li>
          There {sections === 1 ? "is 1 section" : `are ${sections} sections`}, one per page, and you can go back to
          change an answer before you submit.
        </li>
        {info.network ? (
          <li>
            The last section asks how far you trust each of the other organisations in the partnership. Every rating
            there is optional.
          </li>
        ) : null}
        <li>The survey closes on {formatDay(info.closesOn)}.</li>
      </ul>

      <h2 className="heading-m">Who sees what</h2>
      <ul className="list list--bullet">
        <li>
          <strong>Nobody sees your individual answers</strong> – not the convenor, not your organisation, not the
          people who run accord. Whether you took part and what you answered are stored apart, with nothing to link
          them.
        </li>
        <li>
          Results are shown only for groups of at least <strong>{info.k} people</strong>. Anything about a smaller
          group is held back.
        </li>
        <li>
          Anything you write yourself is shown only when at least 10 people have answered, in shuffled order and
          without dates or times.
        </li>
        <li>
          While the survey is open, the convenor sees only roughly how many people have answered, in bands such as
          “fewer than 5” or “5–9”.
        </li>
        {info.network ? <li>{info.network.explanation}</li> : null}
        <li>Results are shared after the survey closes, once the convenor publishes them.</li>
      </ul>

      <h2 className="heading-m">Before you start</h2>
      <p className="body">
        Your answers stay in this browser tab until you submit them. You can submit once with this link, so please
        do not forward it.
      </p>
      <Link to={first} className="button button--start" role="button" draggable={false}>
        {started ? "Continue where you left off" : "Start now"}
        <svg className="button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      </Link>
    </div>
  );
}
