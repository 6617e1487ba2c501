// Compare this wave's network with another published network wave: ties formed, broken, strengthened, weakened, and trust received.
import { useEffect, useState } from "react";
import type { DimensionChoice, NamedTie, NetworkComparison, TieChange } from "../api/network-types.ts";
import { networkApi } from "../api/network.ts";
import type { Wave } from "../api/survey-types.ts";
import { ErrorPanel, Loading, TableWrap } from "../components/Feedback.tsx";
import { Select } from "../components/fields.tsx";
import { change, one } from "./network-format.ts";

function TieList({ title, ties, empty }: { title: string; ties: (NamedTie | TieChange)[]; empty: string }) {
  return (
    <div className="compare-list">
      <h4 className="heading-s">
        {title} ({ties.length})
      </h4>
      {ties.length === 0 ? (
        <p className="body muted">{empty}</p>
      ) : (
        <ul className="list list--bullet">
          {ties.map((t) => (
            <li key={`${t.from}>${t.to}`}>
              {t.fromName} → {t.toName}:{" "}
              {"change" in t ? `${one(t.before)} to ${one(t.after)} (${change(t.change)})` : one(t.weight)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Result({ c }: { c: NetworkComparison }) {
  return (
    <>
      <p className="body">
        From “{c.before.name}” to “{c.after.name}”, over the {c.comparablePairs} pairs whose tie is known in both waves. A tie that
        was not shown in either wave is never counted as formed or broken. A change of half a point or more counts as stronger or
        weaker.
      </p>
      <div className="compare-grid">
        <TieList title="Ties formed" ties={c.formed} empty="No new ties." />
        <TieList title="Ties broken" ties={c.broken} empty="No ties lost." />
        <TieList title="Ties strengthened" ties={c.strengthened} empty="None grew by half a point or more." />
        <TieList title="Ties weakened" ties={c.weakened} empty="None fell by half a point or more." />
      </div>
      <TableWrap label="Change in trust received">
        <table className="table table--stack">
          <caption className="table__caption">Change in trust received by each organisation</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">{c.before.name}</th>
              <th scope="col">{c.after.name}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {c.organisations.map((o) => (
              <tr key={o.id}>
                <td>{o.name ?? o.id}</td>
                <td data-label={c.before.name}>{one(o.meanTrustReceivedBefore)}</td>
                <td data-label={c.after.name}>{one(o.meanTrustReceivedAfter)}</td>
                <td data-label="Change">{change(o.meanTrustReceivedChange)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export function NetworkCompare({ partnershipId, waveId, waves, dimension }: { partnershipId: string; waveId: string; waves: Wave[]; dimension: DimensionChoice }) {
  const others = waves.filter((w) => w.id !== waveId && w.status === "published" && w.networkMode !== "none");
  const [other, setOther] = useState("");
  const [result, setResult] = useState<NetworkComparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!other) return undefined;
    let live = true;
    networkApi.compare(partnershipId, waveId, other, dimension).then(
      (c) => live && setResult(c),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [partnershipId, waveId, other, dimension, generation]);

  if (others.length === 0) return <p className="body">There is no other published wave with ratings between organisations to compare with yet.</p>;
  return (
    <>
      <Select
        id="network-compare-wave"
        label="Compare with"
        value={other}
        onChange={setOther}
        placeholder="Choose a wave"
        options={others.map((w) => ({ value: w.id, label: w.name }))}
      />
      {error ? <ErrorPanel error={error} onRetry={() => setGeneration((g) => g + 1)} /> : null}
      {other && !result && !error ? <Loading what="Comparing the two waves" /> : null}
      {result ? <Result c={result} /> : null}
    </>
  );
}
