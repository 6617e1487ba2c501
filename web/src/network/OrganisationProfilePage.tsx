// /partnerships/:id/waves/:waveId/network/organisations/:organisationId – one organisation in the network: how others rate it, how it rates them, its measures, change.
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client.ts";
import type { OrganisationProfile, WaveNetwork } from "../api/network-types.ts";
import { networkApi } from "../api/network.ts";
import { SECTOR_LABELS } from "../../../src/partnerships/sectors.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { usePartnership } from "../pages/PartnershipLayout.tsx";
import { wavePath } from "../surveys/wave-format.ts";
import { AsymmetricPairs } from "./AsymmetricPairs.tsx";
import { DimensionFilter, NetworkUnavailable } from "./DimensionFilter.tsx";
import { asDimension, dimensionName, networkPath, one, pct } from "./network-format.ts";
import { ProfileChange } from "./ProfileChange.tsx";
import { ProfileTies } from "./ProfileTies.tsx";
import "../styles/network.css";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OrganisationProfilePage() {
  const { partnership } = usePartnership();
  const { waveId = "", organisationId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const dimension = asDimension(search.get("dimension"));
  const [data, setData] = useState<{ profile: OrganisationProfile; network: WaveNetwork } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  useTitle(data ? `${data.profile.organisation.name} in the trust network – ${partnership.name}` : "Organisation in the trust network");

  useEffect(() => {
    let live = true;
    setError(null);
    setLoading(true);
    Promise.all([networkApi.profile(partnership.id, waveId, organisationId, dimension), networkApi.network(partnership.id, waveId, dimension)]).then(
      ([profile, network]) => live && (setData({ profile, network }), setLoading(false)),
      (e: unknown) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [partnership.id, waveId, organisationId, dimension, generation]);

  const back = networkPath(partnership.id, waveId, dimension);
  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return <NetworkUnavailable error={error} back={wavePath(partnership.id, waveId)} />;
  if (error) return <ErrorPanel error={error} onRetry={() => setGeneration((g) => g + 1)} />;
  if (!data) return <Loading what="Loading the organisation’s profile" />;

  const { profile, network } = data;
  const o = profile.organisation;
  const others = network.organisations.filter((x) => x.id !== o.id);
  const personal = profile.wave.mode === "personal";
  const k = profile.wave.k;
  return (
    <>
      <Link to={back} className="back-link">
        Trust network: {profile.wave.name}
      </Link>
      <p className="caption">{SECTOR_LABELS[o.sector] ?? o.sector}</p>
      <h2 className="heading-m">{o.name} in the trust network</h2>
      <DimensionFilter dimension={dimension} loading={loading} onChange={(d) => setSearch(d === "overall" ? {} : { dimension: d }, { replace: true })} />
      <p className="body">Showing {dimensionName(dimension).toLowerCase()}, in “{profile.wave.name}”.</p>
      <dl className="summary-list">
        <Row term="Trust received">
          {one(o.meanTrustReceived)} <span className="hint-inline">– the average of {plural(o.inDegree, "tie")} shown from other organisations, 1 to 4</span>
        </Row>
        <Row term="Trust given">
          {one(o.meanTrustGiven)} <span className="hint-inline">– the average of {plural(o.outDegree, "tie")} shown to other organisations</span>
        </Row>
        <Row term="Who bridges">
          {pct(o.betweennessNormalised)} <span className="hint-inline">– how often it lies on the shortest chain of trust between two others</span>
        </Row>
        <Row term="Influence">
          {pct(o.pagerank)} <span className="hint-inline">– its share of the trust flowing round the network (PageRank)</span>
        </Row>
        <Row term="Reach">
          {o.reach} of {others.length} <span className="hint-inline">– organisations it reaches along chains of trust</span>
        </Row>
        <Row term="One-sided ties">
          {o.oneSidedGiven} given, {o.oneSidedReceived} received <span className="hint-inline">– ties not returned</span>
        </Row>
      </dl>
      <section aria-labelledby="profile-rated-heading" className="section">
        <h3 className="heading-m" id="profile-rated-heading">
          How the others rate {o.name}
        </h3>
        <ProfileTies caption={`How far each organisation trusts ${o.name}`} others={others} ties={profile.ratedBy} otherEnd="from" k={k} personal={personal} />
      </section>
      <section aria-labelledby="profile-rates-heading" className="section">
        <h3 className="heading-m" id="profile-rates-heading">
          How {o.name} rates the others
        </h3>
        <ProfileTies caption={`How far ${o.name} trusts each organisation`} others={others} ties={profile.rates} otherEnd="to" k={k} personal={personal} />
      </section>
      <section aria-labelledby="profile-pairs-heading" className="section">
        <h3 className="heading-m" id="profile-pairs-heading">
          Pairs who see it differently
        </h3>
        <AsymmetricPairs pairs={profile.asymmetricPairs} />
      </section>
      <section aria-labelledby="profile-change-heading" className="section">
        <h3 className="heading-m" id="profile-change-heading">
          {profile.change ? `Change since “${profile.change.previousWave.name}”` : "Change since the previous wave"}
        </h3>
        {profile.change ? (
          <ProfileChange change={profile.change} />
        ) : (
          <p className="body">This is the first published wave with ratings between organisations, so there is nothing to compare with yet.</p>
        )}
      </section>
    </>
  );
}
