// Commitments page panel: each organisation's kept-on-time rate ("x of y due") with the counts behind it.
import { useCallback } from "react";
import { registersApi } from "../api/registers.ts";
import { ErrorPanel, Loading, TableWrap } from "../components/Feedback.tsx";
import { formatDay } from "../format.ts";
import { percent } from "./format.ts";
import { useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

export function KeptOnTimePanel({ refreshKey }: { refreshKey: number }) {
  const { partnership } = useRegisters();
  // refreshKey is a dependency on purpose: the figures are loaded again after each change on the page.
  const load = useCallback(() => registersApi.keptOnTime(partnership.id), [partnership.id, refreshKey]);
  const { data, error, loading, reload } = useLoad(load);

  return (
    <section className="section register-panel" aria-labelledby="kept-on-time-heading">
      <h3 className="heading-s" id="kept-on-time-heading">
        Commitments kept on time
      </h3>
      <p className="body">
        Worked out from the commitments below. A commitment counts once it is kept or broken, or once its due date has passed
        while still open. Withdrawn commitments do not count either way.
      </p>
      {loading && !data ? <Loading what="Working out the kept-on-time rates" /> : null}
      {error ? <ErrorPanel error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p className="body">No organisations yet.</p> : null}
      {data && data.items.length > 0 ? (
        <TableWrap label="Commitments kept on time">
          <table className="table table--stack register-table" aria-describedby="kept-on-time-as-of">
            <caption className="visually-hidden">Commitments kept on time, by organisation</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Kept on time</th>
                <th scope="col" className="table__numeric">Kept late</th>
                <th scope="col" className="table__numeric">Broken</th>
                <th scope="col" className="table__numeric">Renegotiated</th>
                <th scope="col" className="table__numeric">Open</th>
                <th scope="col" className="table__numeric">Withdrawn</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.organisationId}>
                  <th scope="row">{row.organisationName}</th>
                  <td data-label="Kept on time">
                    <strong className="register-rate">{percent(row.rate)}</strong>
                    <span className="table__sub">
                      {row.due === 0 ? "Nothing due yet" : `${row.keptOnTime} of ${row.due} due`}
                    </span>
                  </td>
                  <td data-label="Kept late" className="table__numeric">{row.keptLate}</td>
                  <td data-label="Broken" className="table__numeric">{row.broken}</td>
                  <td data-label="Renegotiated" className="table__numeric">{row.renegotiated}</td>
                  <td data-label="Open" className="table__numeric">{row.open}</td>
                  <td data-label="Withdrawn" className="table__numeric">{row.withdrawn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {data ? (
        <p className="hint" id="kept-on-time-as-of">
          As of {formatDay(data.asOf)}.
        </p>
      ) : null}
    </section>
  );
}
