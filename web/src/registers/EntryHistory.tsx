// An entry's versions, oldest first: what changed, who and when; for decisions, every outcome it has had.
import type { EntryVersion, RegisterMeta } from "../api/register-types.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDateTime } from "../format.ts";
import { VERSION_ACTIONS } from "./format.ts";

/** The versions where a decision's outcome changed, with the text it changed to. */
function pastOutcomes(versions: EntryVersion[]): { version: number; outcome: string; at: string; by: string }[] {
  const out: { version: number; outcome: string; at: string; by: string }[] = [];
  let last: string | null = null;
  for (const v of versions) {
    const raw = v.data["outcome"];
    const outcome = typeof raw === "string" && raw.trim() !== "" ? raw : null;
    if (outcome !== null && outcome !== last) out.push({ version: v.version, outcome, at: v.changedAt, by: v.changedBy.name });
    last = outcome;
  }
  return out;
}

interface Props {
  meta: RegisterMeta;
  versions: EntryVersion[] | null;
  error: unknown;
  onRetry: () => void;
}

export function EntryHistory({ meta, versions, error, onRetry }: Props) {
  const outcomes = meta.key === "decisions" && versions ? pastOutcomes(versions) : [];
  return (
    <>
      {meta.key === "decisions" && versions ? (
        <section className="section" aria-labelledby="outcomes-heading">
          <h3 className="heading-s" id="outcomes-heading">
            Outcomes over time
          </h3>
          {outcomes.length === 0 ? (
            <p className="body">No outcome has been recorded yet.</p>
          ) : (
            <ol className="register-timeline">
              {outcomes.map((o, i) => (
                <li key={o.version} className="register-timeline__item">
                  <p className="register-timeline__meta">
                    {i === outcomes.length - 1 ? "Current outcome" : "Earlier outcome"}, recorded {formatDateTime(o.at)} by {o.by || "someone no longer here"} (version {o.version})
                  </p>
                  <p className="pre-line">{o.outcome}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
      <section className="section" aria-labelledby="history-heading">
        <h3 className="heading-s" id="history-heading">
          History
        </h3>
        {error ? <ErrorPanel error={error} onRetry={onRetry} /> : null}
        {!versions && !error ? <Loading what="Loading the history" /> : null}
        {versions ? (
          <ol className="register-timeline">
            {versions.map((v) => (
              <li key={v.version} className="register-timeline__item">
                <p className="register-timeline__meta">
                  <strong>{VERSION_ACTIONS[v.action] ?? v.action}</strong> {formatDateTime(v.changedAt)} by {v.changedBy.name || "someone no longer here"}
                  <span className="muted"> · version {v.version}</span>
                </p>
                {v.summary ? <p className="register-timeline__summary">{v.summary}</p> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}
