// The health sections in order, for the partnership page and (narrowed by the API) an organisation's page.
import type { ReactNode } from "react";
import type { Health } from "../api/health-types.ts";
import { BehaviourSection } from "./BehaviourSection.tsx";
import { HealthSection } from "./HealthSection.tsx";
import { InstitutionsSection } from "./InstitutionsSection.tsx";
import { NetworkReceived } from "./NetworkReceived.tsx";
import { NextSteps } from "./NextSteps.tsx";
import { ScoresGrid, SinceBaseline } from "./PerceivedTables.tsx";
import { QuadrantSection } from "./QuadrantChart.tsx";
import { BaselineStack, TrendChart } from "./TrendCharts.tsx";
import { WarningsSection } from "./WarningsSection.tsx";

/** Which explanation keys each section shows (the API keys them by section). */
export const EXPLAIN = {
  perceived: ["perceived", "network"],
  behaviour: ["behaviour", "commitments", "actions", "reciprocity", "openness", "opportunities"],
  quadrant: ["quadrant"],
  institutions: ["institutions", "keyPerson"],
  warnings: ["warnings", "earlyWarnings"],
  pressure: ["pressureEvents", "pressure"],
  nextSteps: ["nextSteps"],
};

interface Props {
  health: Health;
  partnershipId: string;
  orgLink: (orgId: string) => string;
  /** On an organisation's page: its own perceived-trust view, shown instead of the partnership-wide grid. */
  perceived?: ReactNode;
  /** The pressure events section (list and form), placed after the warnings. */
  pressure?: ReactNode;
}

export function HealthSections({ health, partnershipId, orgLink, perceived, pressure }: Props) {
  const ex = health.explanations;
  return (
    <>
      <HealthSection id="perceived" title="Perceived trust" explanations={ex} keys={EXPLAIN.perceived}>
        {perceived ?? (
          <>
            <ScoresGrid perceived={health.perceived} />
            <h4 className="heading-s">Change since the baseline</h4>
            <SinceBaseline perceived={health.perceived} />
            <h4 className="heading-s">Overall trust across waves</h4>
            <TrendChart trend={health.perceived.trend} />
            <BaselineStack trend={health.perceived.trend} />
            <h4 className="heading-s">Trust received in the network</h4>
            <NetworkReceived network={health.perceived.network} orgLink={orgLink} />
          </>
        )}
      </HealthSection>
      <HealthSection id="behaviour" title="Behavioural trust" explanations={ex} keys={EXPLAIN.behaviour}>
        <BehaviourSection health={health} orgLink={orgLink} />
      </HealthSection>
      <HealthSection id="quadrant" title="Where perception and behaviour disagree" explanations={ex} keys={EXPLAIN.quadrant}>
        <QuadrantSection health={health} orgLink={orgLink} />
      </HealthSection>
      <HealthSection id="institutions" title="Institutionalisation" explanations={ex} keys={EXPLAIN.institutions}>
        <InstitutionsSection health={health} partnershipId={partnershipId} />
      </HealthSection>
      <HealthSection id="warnings" title="Early warnings" explanations={ex} keys={EXPLAIN.warnings}>
        <WarningsSection health={health} orgLink={orgLink} />
      </HealthSection>
      {pressure ? (
        <HealthSection id="pressure" title="Pressure events" explanations={ex} keys={EXPLAIN.pressure}>
          {pressure}
        </HealthSection>
      ) : null}
      <HealthSection id="next-steps" title="Suggested next steps" explanations={ex} keys={EXPLAIN.nextSteps}>
        <NextSteps health={health} partnershipId={partnershipId} />
      </HealthSection>
    </>
  );
}
