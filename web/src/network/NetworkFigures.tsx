// The network as a whole in a few figures, each with one plain sentence on what it means.
import type { OrganisationMeasures, WaveNetwork } from "../api/network-types.ts";
import { one, pct } from "./network-format.ts";

function Figure({ term, value, children }: { term: string; value: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>
        <span className="figure__value">{value}</span>
        <div className="figure__explain">{children}</div>
      </dd>
    </div>
  );
}

export function communityNames(network: WaveNetwork): string[] {
  const name = new Map(network.organisations.map((o: OrganisationMeasures) => [o.id, o.name]));
  return network.network.communities.filter((c) => c.length > 0).map((c) => c.map((id) => name.get(id) ?? id).join(", "));
}

export function NetworkFigures({ network }: { network: WaveNetwork }) {
  const f = network.network;
  const possible = f.n * (f.n - 1);
  const groups = communityNames(network);
  const personal = network.wave.mode === "personal";
  return (
    <>
      <dl className="summary-list network-figures">
        <Figure term="Density" value={pct(f.density)}>
          {f.ties} of the {possible} possible one-way ties are shown. Higher means more organisations trust more of the others.
        </Figure>
        <Figure term="Reciprocity" value={pct(f.reciprocity)}>
          The share of ties that are returned: when one organisation rates another, the other rates it back ({f.mutualPairs} pairs rate each other, {f.oneSidedTies} ties are one-sided).
        </Figure>
        <Figure term="Mean trust" value={f.meanTrust === null ? "—" : `${one(f.meanTrust)} out of 4`}>
          The average of the ties shown, from 1 (not at all) to 4 (completely).
        </Figure>
        <Figure term="Trust concentrated on a few" value={pct(f.inDegreeCentralisation)}>
          0% when every organisation is trusted by as many others; nearer 100% when the ties all go to one organisation.
        </Figure>
        <Figure term="Groups" value={groups.length === 1 ? "1 group" : `${groups.length} groups`}>
          Organisations that trust each other more than they trust the rest
          {f.modularity === null ? "." : ` (modularity ${f.modularity.toFixed(2)}: above about 0.3 the groups are clearly apart).`}
          {groups.length > 1 ? (
            <ul className="list list--bullet network-groups">
              {groups.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          ) : null}
        </Figure>
      </dl>
      {personal ? (
        <p className="body hint-inline">
          These figures count only the ties that are shown. Ties not shown are left out, so the real network may be denser.
        </p>
      ) : null}
    </>
  );
}
