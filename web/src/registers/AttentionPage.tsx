// /partnerships/:id/registers/attention – actions and commitments overdue or due soon, and decisions and procedures due for review.
import { useCallback } from "react";
import { Link } from "react-router";
import { registersApi } from "../api/registers.ts";
import type { AttentionRow } from "../api/register-types.ts";
import { ErrorPanel, Loading, TableWrap } from "../components/Feedback.tsx";
import { formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { ATTENTION_KINDS, dayCount } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

const SOON_DAYS = 14;

function AttentionTable({ id, title, rows, overdue, empty }: { id: string; title: string; rows: AttentionRow[]; overdue: boolean; empty: string }) {
  const { partnership, orgName } = useRegisters();
  return (
    <section className="section" aria-labelledby={id}>
      <h3 className="heading-s" id={id}>
        {title} <span className="register-count">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="body">{empty}</p>
      ) : (
        <TableWrap label={title}>
          <table className="table table--stack register-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Kind</th>
                <th scope="col">Due</th>
                <th scope="col">Organisation</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.entryId}`}>
                  <td>
                    <Link to={entryPath(partnership.id, row.register, row.entryId)}>{row.title}</Link>
                  </td>
                  <td data-label="Kind">{ATTENTION_KINDS[row.kind] ?? row.kind}</td>
                  <td data-label="Due">
                    {formatDay(row.dueOn)}
                    <span className={`table__sub${overdue ? " register-late" : ""}`}>{dayCount(row.days, overdue)}</span>
                  </td>
                  <td data-label="Organisation">{row.organisationId ? orgName(row.organisationId) : <span className="muted">Whole partnership</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export function AttentionPage() {
  const { partnership } = useRegisters();
  useTitle(`Needs attention – ${partnership.name}`);
  const load = useCallback(() => registersApi.attention(partnership.id, SOON_DAYS), [partnership.id]);
  const { data, error, loading, reload } = useLoad(load);
  return (
    <>
      <h2 className="heading-m">Needs attention</h2>
      <p className="body">
        Actions and commitments not yet done, and decisions and procedures due for review: first those past their date, then those
        due in the next {SOON_DAYS} days.
      </p>
      {loading && !data ? <Loading what="Finding what needs attention" /> : null}
      {error ? <ErrorPanel error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          <AttentionTable id="overdue-heading" title="Overdue" rows={data.overdue} overdue empty="Nothing is overdue." />
          <AttentionTable id="due-soon-heading" title={`Due in the next ${SOON_DAYS} days`} rows={data.dueSoon} overdue={false} empty="Nothing falls due in the next two weeks." />
          <p className="hint">As of {formatDay(data.asOf)}.</p>
        </>
      ) : null}
    </>
  );
}
