// On the partnership's Health page: where its overall trust sits in each programme it shares with (a percentile), or why that is not shown.
import { useCallback } from "react";
import { Link } from "react-router";
import { programmeApi } from "../api/programmes.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { HealthSection } from "../health/HealthSection.tsx";
import { useLoad } from "../useLoad.ts";
import { percentileText } from "./programme-format.ts";

const EXPLAIN = {
  programmes:
    "Each programme compares the overall trust score of the latest published survey of every partnership sharing with it. The percentile counts the partnerships with a lower score, plus half of those with the same score, as a share of all of them (this one included). It is shown only when this partnership’s own overall trust is published and at least 3 partnerships in the programme have one.",
};

export function ProgrammePosition({ partnershipId }: { partnershipId: string }) {
  const list = useLoad(useCallback(() => programmeApi.ofPartnership(partnershipId), [partnershipId]));
  const tab = `/partnerships/${encodeURIComponent(partnershipId)}/programmes`;
  return (
    <HealthSection id="programmes" title="Against other partnerships" explanations={EXPLAIN} keys={["programmes"]}>
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading what="Loading programmes" /> : null}
      {list.data && list.data.length === 0 ? (
        <p className="body">
          This partnership does not share with any programme, so there is nothing to compare it with. <Link to={tab}>About programmes</Link>
        </p>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="list programme-positions" aria-label="Position in each programme">
          {list.data.map((item) => (
            <li key={item.programme.id} className={item.percentile.status === "released" ? "programme-position" : "programme-position programme-hidden"}>
              <strong>{item.programme.name}</strong>
              <span className="programme-position__text">{percentileText(item.percentile, item.programme.name)}</span>
              {item.percentile.status === "released" ? (
                <span className="programme-position__bar" aria-hidden="true">
                  <span className="programme-position__mark" style={{ left: `${Math.min(100, Math.max(0, item.percentile.value))}%` }} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </HealthSection>
  );
}
