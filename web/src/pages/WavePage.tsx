// /partnerships/:id/waves/:waveId – one wave: its settings, response rate in bands, and the convenor's next steps.
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import type { Wave } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError, ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { IssueLinks } from "../components/IssueLinks.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { formatDateTime, formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { MODE_HINTS, MODE_LABELS, networkPath } from "../network/network-format.ts";
import { NomineesEditor } from "../network/NomineesEditor.tsx";
import { WAVE_STATUS_LABELS, wavePath } from "../surveys/wave-format.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

type Action = "open" | "close" | "publish";

const DONE: Record<Action, string> = {
  open: "The wave is open. People can answer from their links until it closes.",
  close: "The wave is closed. Nobody can answer any more; publish the results when you are ready.",
  publish: "The results are published to everyone in the partnership.",
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NextStep({ wave, onAction }: { wave: Wave; onAction: (action: Action) => Promise<void> }) {
  const name = `“${wave.name}”`;
  if (wave.status === "draft") {
    return (
      <ConfirmButton
        tone="primary"
        label="Open the wave"
        subject={wave.name}
        question={`Open ${name} now?`}
        detail={`The survey and k (${wave.k}) are fixed once it opens. People can answer from their links until it closes.`}
        confirmLabel="Yes, open it"
        onConfirm={() => onAction("open")}
      />
    );
  }
  if (wave.status === "open") {
    return (
      <ConfirmButton
        tone="primary"
        label="Close the wave"
        subject={wave.name}
        question={`Close ${name} now?`}
        detail="Nobody can answer after this, and it cannot be reopened."
        confirmLabel="Yes, close it"
        onConfirm={() => onAction("close")}
      />
    );
  }
  if (wave.status === "closed") {
    return (
      <ConfirmButton
        tone="primary"
        label="Publish results"
        subject={wave.name}
        question={`Publish the results of ${name} to everyone in the partnership?`}
        detail={`Members and viewers will see them, for groups of at least ${wave.k} people only. Publishing is recorded in the audit log.`}
        confirmLabel="Yes, publish"
        onConfirm={() => onAction("publish")}
      />
    );
  }
  return null;
}

export function WavePage() {
  const { partnership, isConvenor } = usePartnership();
  const { waveId = "" } = useParams();
  const location = useLocation();
  const [wave, setWave] = useState<Wave | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? "Wave created as a draft" : null,
  );
  const [actionError, setActionError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useTitle(wave ? `${wave.name} – ${partnership.name}` : "Survey wave");

  useEffect(() => {
    let live = true;
    setError(null);
    surveyApi.getWave(partnership.id, waveId).then(
      (w) => live && setWave(w),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [partnership.id, waveId, generation]);

  const act = useCallback(
    async (action: Action) => {
      setActionError(null);
      try {
        setWave(await surveyApi.transition(partnership.id, waveId, action));
        setNotice(DONE[action]);
      } catch (e) {
        setActionError(describeError(e));
        if (e instanceof ApiError && e.status === 409) setGeneration((g) => g + 1);
      }
    },
    [partnership.id, waveId],
  );

  const back = (
    <Link to={wavePath(partnership.id)} className="back-link">
      All surveys
    </Link>
  );
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        {back}
        <h2 className="heading-m">Wave not found</h2>
        <p className="body">This survey wave does not exist, or it has been removed.</p>
      </>
    );
  }
  if (error) return <ErrorPanel error={error} onRetry={() => setGeneration((g) => g + 1)} />;
  if (!wave) return <Loading what="Loading the wave" />;

  const resultsPath = `${wavePath(partnership.id, wave.id)}/results`;
  return (
    <>
      {back}
      <h2 className="heading-m">
        {wave.name} <span className={`tag tag--${wave.status}`}>{WAVE_STATUS_LABELS[wave.status] ?? wave.status}</span>
      </h2>
      {notice ? <SuccessBanner title={notice} onDismiss={() => setNotice(null)} /> : null}
      <ActionError message={actionError} />
      <dl className="summary-list">
        <Row term="Survey">{wave.instrumentTitle}</Row>
        <Row term="Opens">{formatDay(wave.opensOn)}</Row>
        <Row term="Closes">{formatDay(wave.closesOn)}</Row>
        <Row term="Minimum group size (k)">
          {wave.k}
          <span className="hint-inline">
            {" "}
            – answers are shown only for groups of at least {wave.k} people
            {wave.status === "draft" ? "; fixed once the wave opens" : ""}.
          </span>
        </Row>
        <Row term="Ratings between organisations">
          {MODE_LABELS[wave.networkMode] ?? wave.networkMode}
          {wave.networkMode !== "none" ? <span className="hint-inline"> – {MODE_HINTS[wave.networkMode]}</span> : null}
        </Row>
        <Row term="People with a link">{wave.invitedCount}</Row>
        {isConvenor && wave.responseBand !== null ? (
          <Row term="Answers so far">
            {wave.responseBand}
            <span className="hint-inline"> – shown only in bands, so no single answer can be spotted.</span>
          </Row>
        ) : null}
        {wave.openedAt ? <Row term="Opened">{formatDateTime(wave.openedAt)}</Row> : null}
        {wave.closedAt ? <Row term="Closed">{formatDateTime(wave.closedAt)}</Row> : null}
        {wave.publishedAt ? <Row term="Results published">{formatDateTime(wave.publishedAt)}</Row> : null}
      </dl>
      {wave.status === "published" ? (
        <p className="body">
          <Link to={resultsPath} className="button">
            See the results
          </Link>
          {wave.networkMode !== "none" ? (
            <>
              {" "}
              <Link to={networkPath(partnership.id, wave.id)} className="button button--secondary">
                See the trust network
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <p className="body">
          {wave.status === "closed"
            ? "The wave is closed. Its results appear here once a convenor publishes them."
            : "Results are shown after the wave closes and a convenor publishes them."}
        </p>
      )}
      {isConvenor && wave.status !== "published" ? (
        <section aria-labelledby="next-step-heading" className="section">
          <h3 className="heading-s" id="next-step-heading">
            Next step
          </h3>
          <div className="wave-actions">
            <NextStep wave={wave} onAction={act} />
          </div>
        </section>
      ) : null}
      {wave.networkMode === "organisational" ? (
        <NomineesEditor partnershipId={partnership.id} wave={wave} canEdit={isConvenor && (wave.status === "draft" || wave.status === "open")} />
      ) : null}
      {isConvenor && (wave.status === "draft" || wave.status === "open") ? <IssueLinks partnershipId={partnership.id} wave={wave} onIssued={() => setGeneration((g) => g + 1)} /> : null}
    </>
  );
}
