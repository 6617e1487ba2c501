// Early warnings: each flag with its evidence (activity windows against the organisation's baseline, or the fall in trust received) and pressure events.
import { Link } from "react-router";
import type { Health, PressureRef, Warning } from "../api/health-types.ts";
import { formatDay } from "../format.ts";
import { ActivityChart } from "./ActivityChart.tsx";
import { TrustDropChart } from "./TrustDropChart.tsx";

function Pressure({ events }: { events: PressureRef[] }) {
  if (events.length === 0) return <p className="body">No pressure event recorded over the same time.</p>;
  return (
    <p className="body">
      Read it against: {events.map((e) => `${e.label} (${formatDay(e.from)} to ${formatDay(e.to)})`).join("; ")}.
    </p>
  );
}

function WarningItem({ warning, orgLink }: { warning: Warning; orgLink: (id: string) => string }) {
  const w = warning;
  return (
    <li className="health-warning">
      <h4 className="heading-s">
        <Link to={orgLink(w.organisationId)}>{w.organisationName}</Link>: {w.kind === "activity_drop" ? "outward activity has fallen" : "trust received has fallen"}
      </h4>
      <p className="body">{w.evidence}</p>
      {w.kind === "activity_drop" ? (
        <ActivityChart name={w.organisationName} current={w.activity.current} previous={w.activity.previous} baseline={w.activity.baseline} pressure={w.pressure} />
      ) : (
        <TrustDropChart name={w.organisationName} previous={w.previous} latest={w.latest} pressure={w.pressure} />
      )}
      <Pressure events={w.pressure} />
    </li>
  );
}

export function WarningsSection({ health, orgLink }: { health: Health; orgLink: (id: string) => string }) {
  if (health.warnings.length === 0) return <p className="body">No early warnings: no organisation’s activity or trust received has fallen markedly.</p>;
  return (
    <ul className="health-warnings">
      {health.warnings.map((w, i) => (
        <WarningItem key={`${w.kind}-${w.organisationId}-${i}`} warning={w} orgLink={orgLink} />
      ))}
    </ul>
  );
}
