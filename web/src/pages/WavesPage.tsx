// /partnerships/:id/waves – the partnership's survey waves; convenors create new ones.
import { useCallback } from "react";
import { Link, useNavigate } from "react-router";
import { surveyApi } from "../api/surveys.ts";
import { CreateWaveForm } from "../components/CreateWaveForm.tsx";
import { ErrorPanel, LoadMore, Loading, TableWrap } from "../components/Feedback.tsx";
import { usePaged, useTitle } from "../hooks.ts";
import { WAVE_STATUS_LABELS, waveDates, wavePath } from "../surveys/wave-format.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

export function WavesPage() {
  const { partnership, isConvenor } = usePartnership();
  useTitle(`Surveys – ${partnership.name}`);
  const navigate = useNavigate();
  const load = useCallback((cursor: string | null) => surveyApi.listWaves(partnership.id, cursor), [partnership.id]);
  const list = usePaged(load);

  return (
    <>
      <h2 className="heading-m">Surveys</h2>
      <p className="body">
        Each wave asks the partnership’s people one survey, anonymously. Results are shown only after a convenor
        closes the wave and publishes them, and only for groups large enough that nobody’s answers can be picked out.
      </p>
      {list.loading ? <Loading what="Loading surveys" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <p className="body">{isConvenor ? "No survey waves yet. Create the first one below." : "No survey waves yet."}</p>
      ) : null}
      {list.items.length > 0 ? (
        <TableWrap label="Survey waves">
          <table className="table table--stack">
            <caption className="visually-hidden">Survey waves in {partnership.name}</caption>
            <thead>
              <tr>
                <th scope="col">Wave</th>
                <th scope="col">Survey</th>
                <th scope="col">Dates</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Results</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((wave) => (
                <tr key={wave.id}>
                  <td>
                    <Link to={wavePath(partnership.id, wave.id)}>{wave.name}</Link>
                  </td>
                  <td data-label="Survey">{wave.instrumentTitle}</td>
                  <td data-label="Dates">{waveDates(wave)}</td>
                  <td data-label="Status">
                    <span className={`tag tag--${wave.status}`}>{WAVE_STATUS_LABELS[wave.status] ?? wave.status}</span>
                  </td>
                  <td className="table__actions">
                    {wave.status === "published" ? (
                      <Link to={`${wavePath(partnership.id, wave.id)}/results`}>
                        See results<span className="visually-hidden"> of {wave.name}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="waves" />
      {isConvenor ? (
        <CreateWaveForm partnershipId={partnership.id} onCreated={(wave) => navigate(wavePath(partnership.id, wave.id), { state: { created: true } })} />
      ) : null}
    </>
  );
}
