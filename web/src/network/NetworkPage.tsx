// /partnerships/:id/waves/:waveId/network – a published wave's trust network: drawing, table, figures, organisations, pairs, comparison, downloads.
import { useCallback, useMemo } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { fetchAll } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { DimensionChoice, WaveNetwork } from "../api/network-types.ts";
import { networkApi } from "../api/network.ts";
import type { Wave } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { formatDateTime, plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { useLoad } from "../useLoad.ts";
import { usePartnership } from "../pages/PartnershipLayout.tsx";
import { wavePath } from "../surveys/wave-format.ts";
import { AsymmetricPairs } from "./AsymmetricPairs.tsx";
import { DimensionFilter, NetworkUnavailable } from "./DimensionFilter.tsx";
import { asDimension, profilePath, tieWeight } from "./network-format.ts";
import { networkElements } from "./network-style.ts";
import { NetworkCompare } from "./NetworkCompare.tsx";
import { NetworkDrawing } from "./NetworkDrawing.tsx";
import { NetworkFigures } from "./NetworkFigures.tsx";
import { NetworkLegend } from "./NetworkLegend.tsx";
import { OrganisationsTable } from "./OrganisationsTable.tsx";
import { TrustMatrix } from "./TrustMatrix.tsx";
import "../styles/network.css";

/** "6 organisations, 14 ties shown, 5 not shown" (and the pairs with no tie or no rating on this dimension). */
export function countsSentence(network: WaveNetwork, dimension: DimensionChoice): string {
  const shown = network.ties.filter((t) => tieWeight(t, dimension) !== null).length;
  const unrated = network.ties.filter((t) => t.status === "released" && tieWeight(t, dimension) === null).length;
  // In personal mode a dimension is released on its own, so a tie without it is hidden, not unrated.
  const personal = network.wave.mode === "personal";
  const hidden = network.counts.suppressed + (personal ? unrated : 0);
  const parts = [plural(network.organisations.length, "organisation"), `${plural(shown, "tie")} shown`, `${hidden} not shown`];
  if (network.counts.noTie > 0) parts.push(`${network.counts.noTie} “we don’t work with them”`);
  if (unrated > 0 && !personal) parts.push(`${unrated} not rated on this`);
  return parts.join(", ");
}

const SECTIONS = [
  ["network-drawing-heading", "The network drawn"],
  ["network-matrix-heading", "Who trusts whom, as a table"],
  ["network-figures-heading", "The network in figures"],
  ["network-orgs-heading", "Each organisation"],
  ["network-pairs-heading", "Pairs who see it differently"],
  ["network-compare-heading", "Compare with another wave"],
  ["network-downloads-heading", "Download"],
] as const;

function Section({ id, children }: { id: (typeof SECTIONS)[number][0]; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="section network-section">
      <h3 className="heading-m" id={id}>
        {SECTIONS.find(([key]) => key === id)![1]}
      </h3>
      {children}
    </section>
  );
}

export function NetworkPage() {
  const { partnership } = usePartnership();
  const { waveId = "" } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const dimension = asDimension(search.get("dimension"));
  const { data: network, error, loading, reload } = useLoad(useCallback(() => networkApi.network(partnership.id, waveId, dimension), [partnership.id, waveId, dimension]));
  // Only the comparison needs the list of waves, so a failure to load it is not shown.
  const waves = useLoad(useCallback(() => fetchAll((cursor) => surveyApi.listWaves(partnership.id, cursor)), [partnership.id])).data ?? [];
  useTitle(network ? `Trust network: ${network.wave.name} – ${partnership.name}` : "Trust network");

  const elements = useMemo(() => (network ? networkElements(network, dimension) : []), [network, dimension]);
  const back = wavePath(partnership.id, waveId);
  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return <NetworkUnavailable error={error} back={back} />;
  if (error) return <ErrorPanel error={error} onRetry={reload} />;
  if (!network) return <Loading what="Loading the trust network" />;

  const { wave } = network;
  const personal = wave.mode === "personal";
  const counts = countsSentence(network, dimension);
  const sectors = [...new Set(network.organisations.map((o) => o.sector))];
  const downloads = networkApi.downloads(partnership.id, waveId, dimension);
  return (
    <>
      <Link to={back} className="back-link">
        About this wave
      </Link>
      <h2 className="heading-m">Trust network: {wave.name}</h2>
      <p className="body">
        {personal
          ? `Everyone rated the other organisations from their own experience. A tie from one organisation to another is shown only when at least ${wave.k} of its people rated it.`
          : "One person answered for each organisation, so each tie is that organisation’s view, with its name on it."}
        {wave.publishedAt ? ` Published ${formatDateTime(wave.publishedAt)}.` : ""}{" "}
        <Link to={`${back}/results`}>See the survey results</Link>
      </p>
      <DimensionFilter dimension={dimension} loading={loading} onChange={(d) => setSearch(d === "overall" ? {} : { dimension: d }, { replace: true })} />
      <nav className="contents" aria-labelledby="network-contents-title">
        <h3 className="contents__title" id="network-contents-title">
          On this page
        </h3>
        <ul className="list">
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="network-drawing-heading">
        <p className="body network-count" data-testid="network-count">
          {counts}
        </p>
        <div className="network-layout">
          <NetworkDrawing
            elements={elements}
            description={`Drawing of the trust network: ${counts}. Circles are organisations; arrows show who trusts whom. The table below gives the same ties.`}
            onSelect={(id) => navigate(profilePath(partnership.id, waveId, id, dimension))}
          />
          <NetworkLegend sectors={sectors} personal={personal} k={wave.k} />
        </div>
        <p className="body hint-inline">Select an organisation in the drawing, or in the list of organisations below, to see its profile.</p>
      </Section>
      <Section id="network-matrix-heading">
        <TrustMatrix organisations={network.organisations} ties={network.ties} dimension={dimension} k={wave.k} personal={personal} />
      </Section>
      <Section id="network-figures-heading">
        <NetworkFigures network={network} />
      </Section>
      <Section id="network-orgs-heading">
        <OrganisationsTable organisations={network.organisations} partnershipId={partnership.id} waveId={waveId} dimension={dimension} />
      </Section>
      <Section id="network-pairs-heading">
        <AsymmetricPairs pairs={network.asymmetricPairs} />
      </Section>
      <Section id="network-compare-heading">
        <NetworkCompare partnershipId={partnership.id} waveId={waveId} waves={waves} dimension={dimension} />
      </Section>
      <Section id="network-downloads-heading">
        <ul className="list list--bullet">
          <li>
            <a href={downloads.ties} download>
              Ties (CSV)
            </a>{" "}
            <span className="hint-inline">– every pair, with “not shown” where a tie is hidden</span>
          </li>
          <li>
            <a href={downloads.organisations} download>
              Organisations and their measures (CSV)
            </a>
          </li>
          <li>
            <a href={downloads.graphml} download>
              The network as GraphML
            </a>{" "}
            <span className="hint-inline">– for Gephi, Kumu or yEd; shown ties only</span>
          </li>
        </ul>
      </Section>
    </>
  );
}
