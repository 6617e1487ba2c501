// The table of a register's entries: title linking to the entry, owner organisation, status, due date and last change.
import { Link } from "react-router";
import type { EntryView, RegisterMeta } from "../api/register-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { formatDate, formatDay } from "../format.ts";
import { DUE_REGISTERS, fieldOf, statusLabel, today } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";

function DueCell({ entry }: { entry: EntryView }) {
  if (!entry.due) return <span className="muted">None</span>;
  const late = !entry.due.done && entry.due.on < today();
  return (
    <>
      {formatDay(entry.due.on)}
      {late ? <span className="table__sub register-late">Overdue</span> : null}
    </>
  );
}

export function EntryTable({ meta, entries }: { meta: RegisterMeta; entries: EntryView[] }) {
  const { partnership, orgName } = useRegisters();
  const titleLabel = fieldOf(meta, meta.titleField)?.label ?? "Title";
  const ownerLabel = meta.ownerField ? "Organisation" : null;
  const statusField = fieldOf(meta, meta.statusField);
  const hasDue = DUE_REGISTERS.has(meta.key);
  return (
    <TableWrap label={meta.label}>
      <table className="table table--stack register-table">
        <caption className="visually-hidden">{meta.label} in {partnership.name}</caption>
        <thead>
          <tr>
            <th scope="col">{titleLabel}</th>
            {ownerLabel ? <th scope="col">{ownerLabel}</th> : null}
            {statusField ? <th scope="col">{statusField.label}</th> : null}
            {hasDue ? <th scope="col">{meta.key === "decisions" || meta.key === "procedures" ? "Review by" : "Due"}</th> : null}
            <th scope="col">Last changed</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={entryPath(partnership.id, meta.key, e.id)}>{e.title}</Link>
                {e.deletedAt ? <span className="table__sub">Removed {formatDate(e.deletedAt)}</span> : null}
              </td>
              {ownerLabel ? (
                <td data-label={ownerLabel}>{e.organisationId ? orgName(e.organisationId) : <span className="muted">Whole partnership</span>}</td>
              ) : null}
              {statusField ? (
                <td data-label={statusField.label}>
                  {e.status ? <span className={`tag register-tag register-tag--${e.status}`}>{statusLabel(meta, e)}</span> : null}
                </td>
              ) : null}
              {hasDue ? (
                <td data-label="Due" className="table__nowrap">
                  <DueCell entry={e} />
                </td>
              ) : null}
              <td data-label="Last changed">
                {formatDate(e.updatedAt)}
                <span className="table__sub">by {e.updatedBy.name || "someone no longer here"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
