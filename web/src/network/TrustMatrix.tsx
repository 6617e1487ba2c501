// The same ties as a table: who rates (rows) and who is rated (columns), shaded by trust; hidden ties say "not shown".
import type { DimensionChoice, OrganisationMeasures, Tie } from "../api/network-types.ts";
import { TableWrap } from "../components/Feedback.tsx";
import { hiddenReason, one, tieWeight } from "./network-format.ts";

/** Four shades for the 1–4 scale as shown (one decimal place), lightest for least trust. */
export function shade(weight: number): 1 | 2 | 3 | 4 {
  const shown = Number(weight.toFixed(1));
  return shown < 1.8 ? 1 : shown < 2.5 ? 2 : shown < 3.3 ? 3 : 4;
}

const SHADES = ["1.0 to 1.7", "1.8 to 2.4", "2.5 to 3.2", "3.3 to 4.0"];

function Cell({ tie, dimension, k, personal, from, to }: { tie: Tie | undefined; dimension: DimensionChoice; k: number; personal: boolean; from: string; to: string }) {
  if (!tie) {
    return (
      <td className="matrix__cell matrix__cell--empty">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">No rating given</span>
      </td>
    );
  }
  if (tie.status === "suppressed") {
    return (
      <td className="matrix__cell matrix__cell--hidden">
        not shown<span className="visually-hidden">: {from}’s trust in {to} is hidden because {hiddenReason(tie.reason, k)}</span>
      </td>
    );
  }
  if (tie.status === "no_tie") {
    return (
      <td className="matrix__cell matrix__cell--none">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">No tie: they don’t work with them</span>
      </td>
    );
  }
  const w = tieWeight(tie, dimension);
  if (w === null && personal) {
    return (
      <td className="matrix__cell matrix__cell--hidden">
        not shown<span className="visually-hidden">: {from}’s trust in {to} on this is hidden because {hiddenReason("dimension", k)}</span>
      </td>
    );
  }
  if (w === null) {
    return (
      <td className="matrix__cell matrix__cell--empty">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">Not rated on this</span>
      </td>
    );
  }
  return (
    <td className={`matrix__cell matrix__cell--${shade(w)}`}>
      <span className="matrix__mean">{one(w)}</span>
      {personal && tie.n !== null ? <span className="matrix__n">n = {tie.n}</span> : null}
    </td>
  );
}

export function TrustMatrix({ organisations, ties, dimension, k, personal }: { organisations: OrganisationMeasures[]; ties: Tie[]; dimension: DimensionChoice; k: number; personal: boolean }) {
  const byPair = new Map(ties.map((t) => [`${t.from}>${t.to}`, t]));
  return (
    <>
      <TableWrap label="Trust between organisations">
        <table className="table matrix">
          <caption className="matrix__caption">
            How far each organisation (row) trusts each other organisation (column), 1 to 4
          </caption>
          <thead>
            <tr>
              <td className="matrix__corner">
                <span aria-hidden="true">Rater ↓ Rated →</span>
              </td>
              {organisations.map((o) => (
                <th scope="col" key={o.id}>
                  {o.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {organisations.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {organisations.map((col) =>
                  col.id === row.id ? (
                    <td key={col.id} className="matrix__cell matrix__cell--self">
                      <span className="visually-hidden">Same organisation</span>
                    </td>
                  ) : (
                    <Cell key={col.id} tie={byPair.get(`${row.id}>${col.id}`)} dimension={dimension} k={k} personal={personal} from={row.name} to={col.name} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ul className="matrix-key" aria-label="Key to the table">
        {SHADES.map((range, i) => (
          <li key={range}>
            <span className={`matrix-key__swatch matrix__cell--${i + 1}`} aria-hidden="true" /> {range}
          </li>
        ))}
        <li>“not shown”: hidden to protect who rated</li>
        {personal ? (
          <li>n: how many people’s ratings make up the figure</li>
        ) : (
          <>
            <li>—: they don’t work with them</li>
            <li>·: no rating given</li>
          </>
        )}
      </ul>
    </>
  );
}
