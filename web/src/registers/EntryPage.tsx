// /partnerships/:id/registers/:key/:entryId – one entry: its fields, who changed it, quick actions, change form, remove/restore, history.
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { isCrossedEdit, registersApi } from "../api/registers.ts";
import type { EntryView, RegisterMeta } from "../api/register-types.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError, ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { formatDate, formatDateTime } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { EntryActions } from "./EntryActions.tsx";
import { EntryFields, forgetEntryTitle } from "./FieldDisplay.tsx";
import { EntryForm } from "./EntryForm.tsx";
import { EntryHistory } from "./EntryHistory.tsx";
import { statusLabel } from "./format.ts";
import { useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

function Entry({ meta, entryId }: { meta: RegisterMeta; entryId: string }) {
  const { partnership, base } = useRegisters();
  const loadEntry = useCallback(() => registersApi.getEntry(partnership.id, meta.key, entryId), [partnership.id, meta.key, entryId]);
  const entry = useLoad(loadEntry);
  const [historyKey, setHistoryKey] = useState(0);
  const loadHistory = useCallback(() => registersApi.history(partnership.id, meta.key, entryId), [partnership.id, meta.key, entryId, historyKey]);
  const history = useLoad(loadHistory);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  useTitle(entry.data ? `${entry.data.title} – ${meta.label}` : meta.label);

  const changed = useCallback(
    (saved: EntryView, message: string) => {
      entry.set(saved);
      forgetEntryTitle(partnership.id, meta.key, saved.id);
      setHistoryKey((k) => k + 1);
      setActionError(null);
      setStale(false);
      setNotice(message);
    },
    [entry, partnership.id, meta.key],
  );

  const run = useCallback(
    async (change: () => Promise<EntryView>, done: string) => {
      setNotice(null);
      try {
        changed(await change(), done);
      } catch (error) {
        // A 412 (or a 409 conflict) means the entry is not as it was shown: nothing was saved, and reloading shows why.
        const crossed = error instanceof ApiError && error.status === 412;
        const conflict = crossed || isCrossedEdit(error);
        setStale(conflict);
        setActionError(crossed ? `Someone else changed this ${meta.singular} after you opened it, so nothing was saved. Reload it to see their changes, then try again.` : conflict ? `${describeError(error)} Reload to see the latest version.` : describeError(error));
      }
    },
    [changed, meta.singular],
  );

  if (entry.error instanceof ApiError && entry.error.status === 404) {
    return (
      <>
        <h2 className="heading-m">Entry not found</h2>
        <p className="body">
          It may never have existed here. <Link to={`${base}/${meta.key}`}>Back to {meta.label.toLowerCase()}</Link>
        </p>
      </>
    );
  }
  if (entry.error && !entry.data) return <ErrorPanel error={entry.error} onRetry={entry.reload} />;
  if (!entry.data) return <Loading what={`Loading the ${meta.singular}`} />;
  const e = entry.data;
  const status = statusLabel(meta, e);

  return (
    <>
      <p className="caption">
        <Link to={base}>Registers</Link>
        <span aria-hidden="true"> › </span>
        <Link to={`${base}/${meta.key}`}>{meta.label}</Link>
      </p>
      <h2 className="heading-m register-entry__title">
        {e.title}
        {status ? (
          <>
            {" "}
            <span className={`tag register-tag register-tag--${e.status ?? ""}`}>{status}</span>
          </>
        ) : null}
      </h2>
      {notice ? <SuccessBanner title={notice} onDismiss={() => setNotice(null)} /> : null}
      <ActionError message={actionError} />
      {stale ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setActionError(null);
            setStale(false);
            entry.reload();
            setHistoryKey((k) => k + 1);
          }}
        >
          Reload the {meta.singular}
        </button>
      ) : null}
      {e.deletedAt ? (
        <div className="notice register-removed">
          <p>
            <strong>This {meta.singular} was removed on {formatDate(e.deletedAt)}.</strong> It no longer counts in lists or figures, but
            it can be restored.
          </p>
        </div>
      ) : null}
      <p className="register-entry__meta">
        Added by {e.createdBy.name || "someone no longer here"} on {formatDateTime(e.createdAt)}.
        {e.version > 1 ? ` Last changed by ${e.updatedBy.name || "someone no longer here"} on ${formatDateTime(e.updatedAt)}.` : null}
      </p>

      <EntryActions meta={meta} entry={e} run={run} />

      {editing ? (
        <section className="section" aria-labelledby="change-heading">
          <h3 className="heading-s" id="change-heading">
            Change this {meta.singular}
          </h3>
          <EntryForm
            key={e.version}
            meta={meta}
            entry={e}
            idPrefix={`edit-${meta.key}`}
            onSaved={(saved) => {
              setEditing(false);
              changed(saved, "Changes saved");
            }}
            onCancel={() => setEditing(false)}
            onReload={() => {
              setEditing(false);
              entry.reload();
            }}
          />
        </section>
      ) : (
        <section className="section" aria-labelledby="details-heading">
          <h3 className="heading-s" id="details-heading">
            Details
          </h3>
          <EntryFields meta={meta} entry={e} />
          {e.canEdit ? (
            <div className="button-group">
              {!e.deletedAt ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                >
                  Change<span className="visually-hidden"> this {meta.singular}</span>
                </button>
              ) : null}
              {e.deletedAt ? (
                <ConfirmButton
                  label="Restore"
                  subject={e.title}
                  question={`Restore this ${meta.singular}?`}
                  confirmLabel="Yes, restore it"
                  tone="primary"
                  onConfirm={() => run(() => registersApi.restoreEntry(partnership.id, meta.key, e.id, e.version), "Restored")}
                />
              ) : (
                <ConfirmButton
                  label="Remove"
                  subject={e.title}
                  question={`Remove this ${meta.singular}?`}
                  detail="It leaves the lists and figures but stays in the history, and can be restored."
                  confirmLabel="Yes, remove it"
                  onConfirm={() =>
                    run(async () => {
                      await registersApi.removeEntry(partnership.id, meta.key, e.id, e.version);
                      return registersApi.getEntry(partnership.id, meta.key, e.id);
                    }, "Removed")
                  }
                />
              )}
            </div>
          ) : null}
        </section>
      )}

      <EntryHistory meta={meta} versions={history.data} error={history.error} onRetry={history.reload} />
      <p className="body">
        <Link to={`${base}/${meta.key}`}>Back to {meta.label.toLowerCase()}</Link>
      </p>
    </>
  );
}

export function EntryPage() {
  const { key = "", entryId = "" } = useParams();
  const { registerByKey, base } = useRegisters();
  const meta = registerByKey(key);
  if (!meta) {
    return (
      <p className="body">
        There is no register called “{key}”. <Link to={base}>See all registers</Link>.
      </p>
    );
  }
  return <Entry key={`${meta.key}/${entryId}`} meta={meta} entryId={entryId} />;
}
