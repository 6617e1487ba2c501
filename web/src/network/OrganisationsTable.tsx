// Each organisation's place in the network: trust received and given, who bridges, influence (PageRank), one-sided ties.
import { Link } from "react-router";
import type { DimensionChoice, OrganisationMeasures } from "../api/network-types.ts";
import { SECTOR_LABELS } from "../../../src/partnerships/sectors.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { one, pct, profilePath } from "./network-format.ts";

const ties = (n: number) => (n === 1 ? "1 tie" : `${n} ties`);

export function OrganisationsTable({ organisations, partnershipId, waveId, dimension }: { organisations: OrganisationMeasures[]; partnershipId: string; waveId: string; dimension: DimensionChoice }) {
  const sorted = [...organisations].sort((a, b) => (b.meanTrustReceived ?? -1) - (a.meanTrustReceived ?? -1) || a.name.localeCompare(b.name, "en-GB"));
  return (
    <>
      <TableWrap label="Organisations in the network">
        <table className="table table--stack network-orgs">
          <caption className="visually-hidden">Each organisation’s measures, most trusted first</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Trust received</th>
              <th scope="col">Trust given</th>
              <th scope="col">Who bridges</th>
              <th scope="col">Influence</th>
              <th scope="col">One-sided ties</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={profilePath(partnershipId, waveId, o.id, dimension)}>{o.name}</Link>
                  <span className="table__sub">{SECTOR_LABELS[o.sector] ?? o.sector}</span>
                </td>
                <td data-label="Trust received">
                  {one(o.meanTrustReceived)} <span className="table__sub">from {ties(o.inDegree)}</span>
                </td>
                <td data-label="Trust given">
                  {one(o.meanTrustGiven)} <span className="table__sub">to {ties(o.outDegree)}</span>
                </td>
                <td data-label="Who bridges">{pct(o.betweennessNormalised)}</td>
                <td data-label="Influence">{pct(o.pagerank)}</td>
                <td data-label="One-sided ties">
                  {o.oneSidedGiven} given, {o.oneSidedReceived} received
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ul className="list list--bullet network-explain">
        <li>
          <strong>Trust received / given</strong>: the average rating of the ties shown, 1 to 4, and how many there are.
        </li>
        <li>
          <strong>Who bridges</strong>: how often the organisation lies on the shortest chain of trust between two others. High means
          others rely on it to connect.
        </li>
        <li>
          <strong>Influence</strong> (PageRank): its share of the trust flowing round the network, counting more for being trusted by
          trusted organisations. The shares add up to 100%.
        </li>
        <li>
          <strong>One-sided ties</strong>: ties given that are not returned, and ties received that it does not return.
        </li>
      </ul>
    </>
  );
}
