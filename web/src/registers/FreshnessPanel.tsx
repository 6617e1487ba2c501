// Intentions page panel: how recently each organisation said what it intends (current, ageing, stale or none).
import { useCallback } from "react";
import { Link } from "react-router";
import { registersApi } from "../api/registers.ts";
import { ErrorPanel, Loading, TableWrap } from "../components/Feedback.tsx";
import { formatDay, plural } from "../format.ts";
import { FRESHNESS_BANDS } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

export function FreshnessPanel({ refreshKey }: { refreshKey: number }) {
  const { partnership } = useRegisters();
  const load = useCallback(() => registersApi.freshness(partnership.id), [partnership.id, refreshKey]);
  const { data, error, loading, reload } = useLoad(load);

  return (
    <section className="section register-panel" aria-labelledby="freshness-heading">
      <h3 className="heading-s" id="freshness-heading">
        How current each organisation’s intentions are
      </h3>
      <p className="body">
        Current means stated in the last 90 days, ageing up to 180 days, stale older than that. A stale or missing statement
        leaves partners guessing.
      </p>
      {loading && !data ? <Loading what="Checking how current the intentions are" /> : null}
      {error ? <ErrorPanel error={error} onRetry={reload} /> : null}
      {data && data.items.length > 0 ? (
        <TableWrap label="Intentions by organisation">
          <table className="table table--stack register-table">
            <caption className="visually-hidden">How current each organisation’s intentions statement is</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Freshness</th>
                <th scope="col">Latest statement</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.organisationId}>
                  <th scope="row">{row.organisationName}</th>
                  <td data-label="Freshness">
                    <span className={`register-band register-band--${row.band}`}>{FRESHNESS_BANDS[row.band] ?? row.band}</span>
                  </td>
                  <td data-label="Latest statement">
                    {row.latestStatedOn ? (
                      <>
                        {row.entryId ? (
                          <Link to={entryPath(partnership.id, "intentions", row.entryId)}>{formatDay(row.latestStatedOn)}</Link>
                        ) : (
                          formatDay(row.latestStatedOn)
                        )}
                        {row.ageDays !== null ? <span className="table__sub">{row.ageDays === 0 ? "today" : `${plural(row.ageDays, "day")} ago`}</span> : null}
                      </>
                    ) : (
                      <span className="muted">No statement yet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {data && data.items.length === 0 ? <p className="body">No organisations yet.</p> : null}
    </section>
  );
}
