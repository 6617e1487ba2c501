// One organisation's ties in one direction: a row per other organisation with the overall figure and each dimension.
import type { ProfileTie, TieDimension } from "../api/network-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { DIMENSION_SHORT, hiddenReason, one } from "./network-format.ts";

const DIMS: TieDimension[] = ["competence", "benevolence", "integrity"];

function Status({ tie, k, colSpan }: { tie: ProfileTie | undefined; k: number; colSpan: number }) {
  if (!tie) return <td colSpan={colSpan} className="muted">No rating given</td>;
  if (tie.status === "no_tie") return <td colSpan={colSpan}>They don’t work with them</td>;
  return (
    <td colSpan={colSpan} className="profile-hidden">
      Not shown<span className={tie.reason ? "table__sub" : "visually-hidden"}>: {hiddenReason(tie.reason, k)}</span>
    </td>
  );
}

interface Props {
  caption: string;
  others: { id: string; name: string }[];
  ties: ProfileTie[];
  /** Which end of each tie is the other organisation: "from" for ties it receives, "to" for ties it gives. */
  otherEnd: "from" | "to";
  k: number;
  personal: boolean;
}

export function ProfileTies({ caption, others, ties, otherEnd, k, personal }: Props) {
  const byOrg = new Map(ties.map((t) => [t[otherEnd], t]));
  return (
    <TableWrap label={caption}>
      <table className="table table--stack">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Overall</th>
            {DIMS.map((d) => (
              <th scope="col" key={d}>
                {DIMENSION_SHORT[d]}
              </th>
            ))}
            {personal ? <th scope="col">People</th> : null}
          </tr>
        </thead>
        <tbody>
          {others.map((o) => {
            const tie = byOrg.get(o.id);
            return (
              <tr key={o.id}>
                <td>{o.name}</td>
                {tie && tie.status === "released" ? (
                  <>
                    <td data-label="Overall">
                      <strong>{one(tie.mean)}</strong>
                    </td>
                    {DIMS.map((d) => (
                      <td data-label={DIMENSION_SHORT[d]} key={d}>
                        {tie.dimensions[d] === null ? <span className="muted">{personal ? "not shown" : "not rated"}</span> : one(tie.dimensions[d])}
                      </td>
                    ))}
                    {personal ? <td data-label="People">{tie.n ?? "—"}</td> : null}
                  </>
                ) : (
                  <Status tie={tie} k={k} colSpan={personal ? 5 : 4} />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
