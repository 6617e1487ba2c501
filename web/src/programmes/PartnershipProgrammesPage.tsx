// /partnerships/:id/programmes – the programmes this partnership shares with and its place in each; convenors share by join code and stop sharing.
import { useCallback, useState } from "react";
import type { Shared } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError, ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { formatDate } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { healthPath } from "../health/health-format.ts";
import { usePartnership } from "../pages/PartnershipLayout.tsx";
import { useLoad } from "../useLoad.ts";
import { Link } from "react-router";
import { percentileText } from "./programme-format.ts";
import { ShareForm } from "./ShareForm.tsx";
import "../styles/programmes.css";

export function PartnershipProgrammesPage() {
  const { partnership, isConvenor } = usePartnership();
  useTitle(`Programmes – ${partnership.name}`);
  const list = useLoad(useCallback(() => programmeApi.ofPartnership(partnership.id), [partnership.id]));
  const [shared, setShared] = useState<Shared | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = list.data ?? [];

  async function stop(programmeId: string, name: string) {
    setError(null);
    setShared(null);
    try {
      await programmeApi.stopSharing(partnership.id, programmeId);
      setStopped(name);
      list.reload();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div className="programmes">
      <h2 className="heading-l">Programmes</h2>
      <p className="body">
        A programme, such as an integrated care system, puts many partnerships side by side. Its leads see only what this partnership has already published,
        and only while the convenor agrees to share.
      </p>
      {shared ? (
        <SuccessBanner title={`Now sharing with ${shared.programme.name}`} onDismiss={() => setShared(null)}>
          <p className="body">Its leads now see:</p>
          <ul className="list list--bullet">
            {shared.shares.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </SuccessBanner>
      ) : null}
      {stopped ? <SuccessBanner title={`Stopped sharing with ${stopped}`} focus={false} /> : null}
      <ActionError message={error} />
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading what="Loading programmes" /> : null}
      {list.data && items.length === 0 ? <p className="body">This partnership does not share with any programme.</p> : null}
      {items.length > 0 ? (
        <ul className="card-list" aria-label="Programmes this partnership shares with">
          {items.map((item) => (
            <li key={item.programme.id} className="card">
              <h3 className="heading-s card__title">{item.programme.name}</h3>
              {item.programme.description ? <p className="card__text">{item.programme.description}</p> : null}
              <p className="card__text">{percentileText(item.percentile, item.programme.name)}</p>
              <p className="card__meta">Sharing since {formatDate(item.sharedSince)}</p>
              {isConvenor ? (
                <ConfirmButton
                  label="Stop sharing"
                  subject={`with ${item.programme.name}`}
                  question={`Stop sharing with ${item.programme.name}?`}
                  detail="Its leads will no longer see this partnership’s figures. You can share again with a join code."
                  confirmLabel="Yes, stop sharing"
                  onConfirm={() => stop(item.programme.id, item.programme.name)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? (
        <p className="body">
          <Link to={healthPath(partnership.id)}>See this partnership’s health</Link>
        </p>
      ) : null}
      {isConvenor ? (
        <ShareForm
          partnershipId={partnership.id}
          onShared={(s) => {
            setStopped(null);
            setError(null);
            setShared(s);
            list.reload();
          }}
        />
      ) : (
        <p className="body">Only a convenor can agree to share with a programme, or stop sharing.</p>
      )}
    </div>
  );
}
