// /partnerships/:id/waves/:waveId/results – a published wave's results: scores heat grid, a chart per question, comparison, CSV.
import { useCallback } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { fetchAll } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { Breakdown, Results, ResultGroup, Wave } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { Select } from "../components/fields.tsx";
import { CompareView } from "../components/results/CompareView.tsx";
import { FreeTextSection, GroupsSummary, QuestionsSection, ScoresSection } from "../components/results/ResultSections.tsx";
import { formatDateTime } from "../format.ts";
import { networkPath } from "../network/network-format.ts";
import { useTitle } from "../hooks.ts";
import { useLoad } from "../useLoad.ts";
import { notShown } from "../surveys/figures.ts";
import { wavePath } from "../surveys/wave-format.ts";
import "../styles/results.css";
import { usePartnership } from "./PartnershipLayout.tsx";

const BREAKDOWNS: { value: Breakdown; label: string }[] = [
  { value: "none", label: "The whole partnership" },
  { value: "organisation", label: "Each organisation" },
  { value: "sector", label: "Each sector" },
];

const asBreakdown = (value: string | null): Breakdown => (value === "organisation" || value === "sector" ? value : "none");

/** The groups to show, the whole partnership first (added if the API left it out). */
function groupsOf(results: Results): ResultGroup[] {
  const all = results.groups.find((g) => g.key === "all") ?? {
    key: "all",
    label: "Whole partnership",
    status: results.respondents.status === "released" ? "released" : "suppressed",
    ...(results.respondents.n === undefined ? {} : { n: results.respondents.n }),
  };
  return [all, ...results.groups.filter((g) => g.key !== "all")];
}

function Unavailable({ error, back }: { error: ApiError; back: string }) {
  return (
    <>
      <h2 className="heading-m">Results are not available</h2>
      <p className="body">
        {error.status === 409
          ? (error.detail ?? "Results are shown only after the wave closes and a convenor publishes them.")
          : "Results are shown only for a published wave. This wave has no published results, or it has been removed."}
      </p>
      <p className="body">
        <Link to={back}>Back to the wave</Link>
      </p>
    </>
  );
}

export function ResultsPage() {
  const { partnership } = usePartnership();
  const { waveId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const breakdown = asBreakdown(search.get("breakdown"));
  const { data: results, error, loading, reload } = useLoad(useCallback(() => surveyApi.results(partnership.id, waveId, breakdown), [partnership.id, waveId, breakdown]));
  // Only the comparison needs the list of waves, so a failure to load it is not shown.
  const waves = useLoad(useCallback(() => fetchAll((cursor) => surveyApi.listWaves(partnership.id, cursor)), [partnership.id])).data ?? [];
  useTitle(results ? `Results: ${results.wave.name} – ${partnership.name}` : "Results");

  const back = wavePath(partnership.id, waveId);
  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return <Unavailable error={error} back={back} />;
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!results) return <Loading what="Loading the results" />;

  const { wave, respondents } = results;
  const hasNetwork = (waves.find((w) => w.id === waveId)?.networkMode ?? "none") !== "none";
  const groups = groupsOf(results);
  const split = breakdown !== "none";
  return (
    <>
      <Link to={back} className="back-link">
        About this wave
      </Link>
      <h2 className="heading-m">Results: {wave.name}</h2>
      <p className="body">
        {respondents.status === "released" && respondents.n !== undefined
          ? `${respondents.n} people answered.`
          : `${notShown(respondents.reason, wave.k)}.`}
        {wave.publishedAt ? ` Published ${formatDateTime(wave.publishedAt)}.` : ""}
      </p>
      {hasNetwork ? (
        <p className="body">
          <Link to={networkPath(partnership.id, waveId)}>See the trust network between organisations</Link>
        </p>
      ) : null}
      <div className="notice">
        <p>
          Every figure covers at least {wave.k} people. Anything about a smaller group is marked “Not shown”, never
          as 0. Where nearly everyone gave the same answer, only a rough figure is shown, so nobody’s answer can be
          worked out.
        </p>
      </div>
      <div className="results-controls">
        <Select
          id="results-breakdown"
          label="Show results for"
          value={breakdown}
          onChange={(v) => setSearch(v === "none" ? {} : { breakdown: v }, { replace: true })}
          options={BREAKDOWNS}
        />
        <p className="loading" role="status">
          {loading ? "Updating the results…" : ""}
        </p>
        <p className="body">
          <a href={surveyApi.resultsCsvUrl(partnership.id, waveId, breakdown)} download>
            Download CSV<span className="visually-hidden"> of these results</span>
          </a>{" "}
          <span className="hint-inline">(figures only, never individual answers)</span>
        </p>
      </div>
      {split ? <GroupsSummary groups={groups} k={wave.k} /> : null}
      <nav className="contents" aria-labelledby="contents-title">
        <h3 className="contents__title" id="contents-title">
          On this page
        </h3>
        <ul className="list">
          {results.scores.length > 0 ? (
            <li>
              <a href="#scores-heading">Trust scores</a>
            </li>
          ) : null}
          <li>
            <a href="#questions-heading">Answers to each question</a>
          </li>
          {results.freeText.length > 0 ? (
            <li>
              <a href="#free-text-heading">Written answers</a>
            </li>
          ) : null}
          <li>
            <a href="#compare-heading">Compare with another wave</a>
          </li>
        </ul>
      </nav>
      <ScoresSection results={results} groups={groups} />
      <QuestionsSection results={results} groups={groups.filter((g) => g.status === "released")} />
      <FreeTextSection results={results} />
      <section aria-labelledby="compare-heading" className="section">
        <h3 className="heading-m" id="compare-heading">
          Compare with another wave
        </h3>
        <CompareView partnershipId={partnership.id} wave={wave} waves={waves} />
      </section>
    </>
  );
}
