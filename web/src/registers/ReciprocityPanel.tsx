// Offers and asks page panel: the give-and-take balance between each pair of organisations, and what each gave and received.
import { useCallback } from "react";
import { registersApi } from "../api/registers.ts";
import { ErrorPanel, Loading, TableWrap } from "../components/Feedback.tsx";
import { useRegisters } from "./RegistersLayout.tsx";
import { useLoad } from "../useLoad.ts";

/** A pair whose give and take differ by this much or more is shown as unbalanced. */
const UNBALANCED = 2;

function balanceText(pair: { aName: string; bName: string; balance: number }): string {
  if (pair.balance === 0) return "Even";
  const giver = pair.balance > 0 ? pair.aName : pair.bName;
  return `${giver} has given ${Math.abs(pair.balance)} more`;
}

export function ReciprocityPanel({ refreshKey }: { refreshKey: number }) {
  const { partnership } = useRegisters();
  const load = useCallback(() => registersApi.reciprocity(partnership.id), [partnership.id, refreshKey]);
  const { data, error, loading, reload } = useLoad(load);

  return (
    <section className="section register-panel" aria-labelledby="reciprocity-heading">
      <h3 className="heading-s" id="reciprocity-heading">
        Give and take
      </h3>
      <p className="body">
        Worked out from offers and asks that were delivered: an offer counts as given by the organisation that made it, an ask as given by the organisation that answered it. A pair where one side has given at least {UNBALANCED} more times
        than the other is marked, as a prompt to talk about it, not a judgement.
      </p>
      {loading && !data ? <Loading what="Working out the give and take" /> : null}
      {error ? <ErrorPanel error={error} onRetry={reload} /> : null}
      {data && data.pairs.length === 0 ? <p className="body">No offers or asks have been delivered yet.</p> : null}
      {data && data.pairs.length > 0 ? (
        <TableWrap label="Give and take between pairs">
          <table className="table table--stack register-table">
            <caption className="visually-hidden">Give and take between each pair of organisations</caption>
            <thead>
              <tr>
                <th scope="col">Pair</th>
                <th scope="col">Given</th>
                <th scope="col">Balance</th>
              </tr>
            </thead>
            <tbody>
              {data.pairs.map((pair) => {
                const unbalanced = Math.abs(pair.balance) >= UNBALANCED;
                return (
                  <tr key={`${pair.a}-${pair.b}`} className={unbalanced ? "register-row--flag" : undefined}>
                    <th scope="row">
                      {pair.aName} and {pair.bName}
                    </th>
                    <td data-label="Given">
                      <span className="register-line">
                        {pair.aName} gave {pair.aGaveToB}
                      </span>
                      <span className="register-line">
                        {pair.bName} gave {pair.bGaveToA}
                      </span>
                    </td>
                    <td data-label="Balance">
                      {unbalanced ? <strong className="register-flag">Unbalanced: </strong> : null}
                      {balanceText(pair)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {data && data.organisations.length > 0 ? (
        <>
          <h4 className="register-subheading" id="reciprocity-by-organisation">
            Given and received, by organisation
          </h4>
          <TableWrap label="Given and received by organisation">
          <table className="table table--stack register-table" aria-labelledby="reciprocity-by-organisation">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" className="table__numeric">Gave</th>
                <th scope="col" className="table__numeric">Received</th>
              </tr>
            </thead>
            <tbody>
              {data.organisations.map((o) => (
                <tr key={o.organisationId}>
                  <th scope="row">{o.organisationName}</th>
                  <td data-label="Gave" className="table__numeric">{o.gave}</td>
                  <td data-label="Received" className="table__numeric">{o.received}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableWrap>
        </>
      ) : null}
    </section>
  );
}
