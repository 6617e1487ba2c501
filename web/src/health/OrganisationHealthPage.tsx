// /partnerships/:id/health/organisations/:orgId – one organisation's health: trust received over waves, activity over time, and the sections narrowed to it.
import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { SECTOR_LABELS } from "../../../src/partnerships/sectors.ts";
import { ApiError } from "../api/client.ts";
import { healthApi } from "../api/health.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { usePartnership } from "../pages/PartnershipLayout.tsx";
import { useLoad } from "../useLoad.ts";
import { ActivityChart } from "./ActivityChart.tsx";
import { HealthLinks } from "./HealthLinks.tsx";
import { HealthSections } from "./HealthSections.tsx";
import { healthPath, orgHealthPath } from "./health-format.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { ReceivedChart } from "./ReceivedChart.tsx";
import { usePeriod } from "./usePeriod.ts";
import "../styles/results.css";
import "../styles/health.css";

export function OrganisationHealthPage() {
  const { partnership, isConvenor } = usePartnership();
  const { organisationId = "" } = useParams();
  const { period, search, setPeriod } = usePeriod();
  const load = useCallback(() => healthApi.organisation(partnership.id, organisationId, period), [partnership.id, organisationId, period]);
  const loaded = useLoad(load);
  const orgLink = useCallback((id: string) => orgHealthPath(partnership.id, id, search), [partnership.id, search]);
  useTitle(loaded.data ? `${loaded.data.organisation.name}: health – ${partnership.name}` : "Organisation health");

  const back = (
    <Link to={healthPath(partnership.id, search)} className="back-link">
      Partnership health
    </Link>
  );
  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <>
        {back}
        <h2 className="heading-l">Organisation not found</h2>
        <p className="body">This organisation is not in the partnership, or it has been removed.</p>
      </>
    );
  }
  if (loaded.error) return <ErrorPanel error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading what="Loading the organisation’s health" />;
  const { organisation: o, health } = loaded.data;
  const activity = health.activity.find((a) => a.organisationId === o.id) ?? health.activity[0];
  return (
    <div className="health">
      {back}
      <p className="caption">{(SECTOR_LABELS as Record<string, string>)[o.sector] ?? o.sector}</p>
      <h2 className="heading-l">{o.name}: health</h2>
      <PeriodPicker from={health.period.from} to={health.period.to} loading={loaded.loading} onChange={setPeriod} />
      <HealthLinks partnershipId={partnership.id} period={health.period} isConvenor={isConvenor} />
      <p className="body health-period__shown" role="status">
        Figures for {formatDay(health.period.from)} to {formatDay(health.period.to)}
        {loaded.loading ? " (loading…)" : ""}.
      </p>
      <HealthSections
        health={health}
        partnershipId={partnership.id}
        orgLink={orgLink}
        perceived={
          <>
            <h4 className="heading-s">Trust received over waves</h4>
            <ReceivedChart network={health.perceived.network} organisationId={o.id} name={o.name} />
            <h4 className="heading-s">Outward activity over time</h4>
            {activity ? (
              <ActivityChart name={o.name} current={activity.current} previous={activity.previous} baseline={activity.baseline} pressure={pressureRefs(health.pressureEvents)} />
            ) : (
              <p className="body">No outward activity recorded.</p>
            )}
          </>
        }
      />
    </div>
  );
}

function pressureRefs(events: { id: string; label: string; startsOn: string; endsOn: string }[]) {
  return events.map((e) => ({ id: e.id, label: e.label, from: e.startsOn, to: e.endsOn }));
}
