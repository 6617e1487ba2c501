// An organisation's change since the previous network wave: trust received before and after, and its ties formed, broken, strengthened, weakened.
import type { NamedTie, OrganisationProfile, TieChange } from "../api/network-types.ts";
import { change, one } from "./network-format.ts";

function List({ title, ties }: { title: string; ties: (NamedTie | TieChange)[] }) {
  if (ties.length === 0) return null;
  return (
    <>
      <h4 className="heading-s">{title}</h4>
      <ul className="list list--bullet">
        {ties.map((t) => (
          <li key={`${t.from}>${t.to}`}>
            {t.fromName} → {t.toName}: {"change" in t ? `${one(t.before)} to ${one(t.after)} (${change(t.change)})` : one(t.weight)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ProfileChange({ change: c }: { change: NonNullable<OrganisationProfile["change"]> }) {
  const o = c.organisation;
  const none = c.formed.length + c.broken.length + c.strengthened.length + c.weakened.length === 0;
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Trust received</dt>
          <dd>
            {o ? (
              <>
                {one(o.meanTrustReceivedBefore)} then {one(o.meanTrustReceivedAfter)} <strong>({change(o.meanTrustReceivedChange)})</strong>
              </>
            ) : (
              "—"
            )}
            <span className="hint-inline"> – over the ties known in both waves</span>
          </dd>
        </div>
      </dl>
      {none ? <p className="body">None of its ties formed, broke, or moved by half a point or more.</p> : null}
      <List title="Ties formed" ties={c.formed} />
      <List title="Ties broken" ties={c.broken} />
      <List title="Ties strengthened" ties={c.strengthened} />
      <List title="Ties weakened" ties={c.weakened} />
    </>
  );
}
