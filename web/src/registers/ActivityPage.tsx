// /partnerships/:id/registers/activity – every change to the registers, newest first, filtered by register and organisation.
import { useCallback } from "react";
import { Link, useSearchParams } from "react-router";
import { registersApi } from "../api/registers.ts";
import { ErrorPanel, LoadMore, Loading } from "../components/Feedback.tsx";
import { Select } from "../components/fields.tsx";
import { formatDateTime } from "../format.ts";
import { usePaged, useTitle } from "../hooks.ts";
import { VERSION_ACTIONS } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";

export function ActivityPage() {
  const { partnership, registers, organisations, registerByKey } = useRegisters();
  useTitle(`Activity – ${partnership.name}`);
  const [params, setParams] = useSearchParams();
  const register = params.get("register") ?? "";
  const organisationId = params.get("organisationId") ?? "";
  const load = useCallback(
    (cursor: string | null) => registersApi.timeline(partnership.id, { register: register || undefined, organisationId: organisationId || undefined }, cursor),
    [partnership.id, register, organisationId],
  );
  const list = usePaged(load);

  function set(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <h2 className="heading-m">Activity</h2>
      <p className="body">Every addition and change to the registers, newest first. The list updates as you choose.</p>
      <div className="register-filters__fields" role="group" aria-label="Filter the activity">
        <Select
          id="activity-register"
          label="Register"
          value={register}
          onChange={(v) => set("register", v)}
          placeholder="All registers"
          options={registers.map((r) => ({ value: r.key, label: r.label }))}
        />
        <Select
          id="activity-organisation"
          label="Organisation"
          value={organisationId}
          onChange={(v) => set("organisationId", v)}
          placeholder="All organisations"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
      </div>
      {list.loading ? <Loading what="Loading the activity" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <p className="body">Nothing has happened here yet.</p> : null}
      {!list.loading && list.items.length > 0 ? (
        <ol className="register-timeline" aria-label="Activity, newest first">
          {list.items.map((item) => (
            <li key={item.id} className="register-timeline__item">
              <p className="register-timeline__meta">
                <strong>{VERSION_ACTIONS[item.action] ?? item.action}</strong> · {registerByKey(item.register)?.label ?? item.register} ·{" "}
                {formatDateTime(item.changedAt)} by {item.changedBy.name || "someone no longer here"}
              </p>
              <p className="register-timeline__summary">
                <Link to={entryPath(partnership.id, item.register, item.entryId)}>{item.title}</Link>
                {item.summary ? <span className="muted"> – {item.summary}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="activity" />
    </>
  );
}
