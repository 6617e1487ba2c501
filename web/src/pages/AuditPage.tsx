// /partnerships/:id/audit – the convenor-only log of every change in the partnership.
import { useCallback } from "react";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import { ErrorPanel, LoadMore, Loading, TableWrap } from "../components/Feedback.tsx";
import { formatDateTime } from "../format.ts";
import { usePaged, useTitle } from "../hooks.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

/** "person.invited" → "Person invited" */
export function actionLabel(action: string): string {
  const text = action.replace(/[._]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function AuditLog() {
  const { partnership } = usePartnership();
  const load = useCallback((cursor: string | null) => api.listAudit(partnership.id, cursor), [partnership.id]);
  const list = usePaged(load);

  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) {
    return <p className="body">Only convenors can see the audit log.</p>;
  }
  return (
    <>
      {list.loading ? <Loading what="Loading the audit log" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <p className="body">Nothing has been recorded yet.</p> : null}
      {list.items.length > 0 ? (
        <TableWrap label="Audit log">
          <table className="table table--stack">
            <caption className="visually-hidden">Audit log for {partnership.name}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <tr key={entry.id}>
                  <td className="table__nowrap" data-label="When">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td data-label="Who">{entry.actorName ?? <span className="muted">System</span>}</td>
                  <td data-label="Action">{actionLabel(entry.action)}</td>
                  <td data-label="Summary">{entry.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="audit entries" />
    </>
  );
}

export function AuditPage() {
  const { partnership, isConvenor } = usePartnership();
  useTitle(`Audit log – ${partnership.name}`);
  return (
    <>
      <h2 className="heading-m">Audit log</h2>
      <p className="body">Changes made in this partnership, newest first: who made them, when, and what changed.</p>
      {isConvenor ? <AuditLog /> : <p className="body">Only convenors can see the audit log.</p>}
    </>
  );
}
