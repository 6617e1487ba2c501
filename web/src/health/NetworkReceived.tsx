// Trust received per organisation in the latest published network wave, with the change from the wave before.
import { Link } from "react-router";
import type { NetworkWave } from "../api/health-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { one, signed } from "./health-format.ts";

interface Props {
  network: NetworkWave[];
  /** Where an organisation's name links to. */
  orgLink: (orgId: string) => string;
}

export function NetworkReceived({ network, orgLink }: Props) {
  const latest = network[network.length - 1];
  const previous = network[network.length - 2];
  if (!latest) return <p className="body">No network wave has been published yet.</p>;
  const before = (id: string) => previous?.organisations.find((o) => o.organisationId === id)?.received ?? null;
  const rows = [...latest.organisations].sort((a, b) => (b.received ?? -1) - (a.received ?? -1) || a.organisationName.localeCompare(b.organisationName));
  return (
    <TableWrap label="Trust received in the network">
      <table className="table table--stack health-table">
        <caption className="heat__caption">
          Trust received from other organisations in {latest.name} (1 to 4){previous ? `, and the change since ${previous.name}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Trust received</th>
            <th scope="col">Competence and integrity</th>
            <th scope="col">Ties shown</th>
            {previous ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => {
            const was = before(o.organisationId);
            return (
              <tr key={o.organisationId}>
                <th scope="row">
                  <Link to={orgLink(o.organisationId)}>{o.organisationName}</Link>
                </th>
                <td data-label="Trust received">{o.received === null ? "Not shown" : one(o.received)}</td>
                <td data-label="Competence and integrity">{o.competenceIntegrity === null ? "Not shown" : one(o.competenceIntegrity)}</td>
                <td data-label="Ties shown">{o.inDegree}</td>
                {previous ? <td data-label="Change">{was === null || o.received === null ? "–" : signed(o.received - was)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
