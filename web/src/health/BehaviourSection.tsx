// Behavioural trust from the registers: kept-on-time chart, then a table per organisation and give and take per pair.
import { Link } from "react-router";
import type { Health } from "../api/health-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import type { Rate } from "../api/health-types.ts";
import { countText, INTENTION_BANDS, pct } from "./health-format.ts";
import { KeptRateChart } from "./KeptRateChart.tsx";

/** "43%", its interval and "2 of 6 due" on three short lines (or "Nothing due yet"). */
function RateCell({ rate }: { rate: Rate }) {
  if (rate.due === 0) return <>Nothing due yet</>;
  return (
    <>
      <strong>{pct(rate.adjusted)}</strong>
      <span className="health-count">
        {pct(rate.lower)} to {pct(rate.upper)}
      </span>
      <span className="health-count">{countText(rate)}</span>
    </>
  );
}

interface Props {
  health: Health;
  orgLink: (orgId: string) => string;
}

export function BehaviourSection({ health, orgLink }: Props) {
  const { organisations, pairs } = health.behaviour;
  if (organisations.length === 0) return <p className="body">No register activity in this period.</p>;
  return (
    <>
      <h4 className="heading-s">Commitments kept on time</h4>
      <KeptRateChart organisations={organisations} threshold={health.quadrant.behaviourThreshold} />
      <TableWrap label="Behaviour by organisation">
        <table className="table table--stack health-table">
          <caption className="heat__caption">What each organisation did in the period</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Commitments kept on time</th>
              <th scope="col">Actions done on time</th>
              <th scope="col">Gave / received</th>
              <th scope="col">Risks shared</th>
              <th scope="col">Intentions</th>
              <th scope="col">Opportunities joined</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.organisationId}>
                <th scope="row">
                  <Link to={orgLink(o.organisationId)}>{o.organisationName}</Link>
                </th>
                <td data-label="Commitments kept on time">
                  <RateCell rate={o.commitments} />
                </td>
                <td data-label="Actions done on time">
                  <RateCell rate={o.actions} />
                </td>
                <td data-label="Gave / received">
                  {o.reciprocity.gave} / {o.reciprocity.received}
                  <span className="health-count">balance {o.reciprocity.balance > 0 ? `+${o.reciprocity.balance}` : o.reciprocity.balance}</span>
                </td>
                <td data-label="Risks shared">{o.openness.risksShared}</td>
                <td data-label="Intentions">{INTENTION_BANDS[o.openness.intentionsBand] ?? o.openness.intentionsBand}</td>
                <td data-label="Opportunities joined">{o.opportunitiesJoined}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h4 className="heading-s">Give and take between pairs</h4>
      {pairs.length === 0 ? (
        <p className="body">No offers or asks were taken up between organisations in this period.</p>
      ) : (
        <TableWrap label="Give and take between pairs">
          <table className="table table--stack health-table">
            <caption className="visually-hidden">Offers and asks taken up between each pair of organisations</caption>
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Taken up each way</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((p) => (
                <tr key={`${p.a}-${p.b}`}>
                  <th scope="row">
                    {p.aName} and {p.bName}
                  </th>
                  <td data-label="Taken up each way">
                    {p.aName} gave {p.aGaveToB}; {p.bName} gave {p.bGaveToA}
                  </td>
                  <td data-label="Difference">
                    {Math.abs(p.balance)}
                    {Math.abs(p.balance) >= 2 ? <strong className="health-flag"> Unbalanced</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
