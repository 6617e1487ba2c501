// /partnerships/:id/health – partnership health over a period: perceived and behavioural trust, disagreements, institutions, warnings, pressure events, next steps, position in programmes.
import { useCallback } from "react";
import { healthApi } from "../api/health.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { usePartnership } from "../pages/PartnershipLayout.tsx";
import { ProgrammePosition } from "../programmes/ProgrammePosition.tsx";
import { useLoad } from "../useLoad.ts";
import { HealthLinks } from "./HealthLinks.tsx";
import { HealthSections } from "./HealthSections.tsx";
import { orgHealthPath } from "./health-format.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { PressureEvents } from "./PressureEvents.tsx";
import { usePeriod } from "./usePeriod.ts";
import "../styles/results.css";
import "../styles/health.css";

export function HealthPage() {
  const { partnership, isConvenor } = usePartnership();
  const { period, search, setPeriod } = usePeriod();
  const load = useCallback(() => healthApi.health(partnership.id, period), [partnership.id, period]);
  const health = useLoad(load);
  const orgLink = useCallback((orgId: string) => orgHealthPath(partnership.id, orgId, search), [partnership.id, search]);
  useTitle(`Health – ${partnership.name}`);

  const data = health.data;
  return (
    <div className="health">
      <h2 className="heading-l">Partnership health</h2>
      <p className="body">Whether trust is growing, whether it shows in what organisations do, and whether it rests on recorded ways of working or on a few people.</p>
      {data || health.error ? (
        <PeriodPicker from={data?.period.from ?? period.from ?? ""} to={data?.period.to ?? period.to ?? ""} loading={health.loading} onChange={setPeriod} />
      ) : null}
      <HealthLinks partnershipId={partnership.id} period={data ? data.period : period} isConvenor={isConvenor} />
      {health.error ? <ErrorPanel error={health.error} onRetry={health.reload} /> : null}
      {!data && !health.error ? <Loading what="Loading partnership health" /> : null}
      {data ? (
        <>
          <p className="body health-period__shown" role="status">
            Figures for {formatDay(data.period.from)} to {formatDay(data.period.to)}
            {health.loading ? " (loading…)" : ""}.
          </p>
          <HealthSections
            health={data}
            partnershipId={partnership.id}
            orgLink={orgLink}
            pressure={<PressureEvents partnershipId={partnership.id} isConvenor={isConvenor} onChanged={health.reload} />}
          />
          <ProgrammePosition partnershipId={partnership.id} />
        </>
      ) : null}
    </div>
  );
}
