// /programmes/:programmeId – a programme lead's view: the partnerships side by side (sortable), the spread of overall trust, the pooled baseline, leads, join code and deleting it.
import { useCallback } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { SORT_KEYS, type SortKey, type SortOrder } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { useTitle } from "../hooks.ts";
import { useLoad } from "../useLoad.ts";
import { DeleteProgramme } from "./DeleteProgramme.tsx";
import { HeadlineDistribution } from "./HeadlineDistribution.tsx";
import { NewJoinCode } from "./JoinCode.tsx";
import { LeadsSection } from "./LeadsSection.tsx";
import { PooledBaseline } from "./PooledBaseline.tsx";
import { RollupTable } from "./RollupTable.tsx";
import "../styles/results.css";
import "../styles/health.css";
import "../styles/programmes.css";

function NotFound() {
  useTitle("Programme not found");
  return (
    <>
      <h1 className="heading-l">Programme not found</h1>
      <p className="body">This programme does not exist, or you are not one of its leads.</p>
      <p className="body">
        <Link to="/programmes">Go to your programmes</Link>
      </p>
    </>
  );
}

function useSort(): { sort: SortKey; order: SortOrder; setSort: (sort: SortKey, order: SortOrder) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get("sort");
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(raw ?? "") ? (raw as SortKey) : "name";
  const order: SortOrder = params.get("order") === "desc" ? "desc" : "asc";
  const setSort = useCallback((s: SortKey, o: SortOrder) => setParams({ sort: s, order: o }, { replace: true }), [setParams]);
  return { sort, order, setSort };
}

export function ProgrammePage() {
  const { programmeId = "" } = useParams();
  const { sort, order, setSort } = useSort();
  const detail = useLoad(useCallback(() => programmeApi.get(programmeId), [programmeId]));
  const rollup = useLoad(useCallback(() => programmeApi.rollup(programmeId, sort, order), [programmeId, sort, order]));
  const name = detail.data?.programme.name ?? null;
  useTitle(name);

  const error = detail.error ?? rollup.error;
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFound />;
  if (error && !detail.data) {
    return (
      <>
        <h1 className="heading-l">Programme</h1>
        <ErrorPanel error={error} onRetry={detail.reload} />
      </>
    );
  }
  if (!detail.data) return <Loading what="Loading the programme" />;
  const { programme, leads, invitations } = detail.data;
  const data = rollup.data;

  return (
    <div className="programme">
      <p className="caption">
        <Link to="/programmes">Your programmes</Link>
      </p>
      <h1 className="heading-l">{programme.name}</h1>
      {programme.description ? <p className="lead">{programme.description}</p> : null}

      <section className="programme-section" aria-labelledby="partnerships-heading">
        <h2 className="heading-m" id="partnerships-heading">
          Partnerships
        </h2>
        <p className="body">
          Each row holds only figures the partnership has published, from its latest survey and the last 12 months of its registers. A figure its own pages
          hold back is “Not shown” here too. Select a column heading to sort by it; partnerships without that figure come last.
        </p>
        {rollup.error ? <ErrorPanel error={rollup.error} onRetry={rollup.reload} /> : null}
        {!data && !rollup.error ? <Loading what="Loading the partnerships’ figures" /> : null}
        {data && data.rows.length === 0 ? (
          <p className="body programme-hidden">No partnership is sharing with this programme yet. Send the join code to their convenors.</p>
        ) : null}
        {data && data.rows.length > 0 ? <RollupTable rows={data.rows} sort={data.sort} order={data.order} onSort={setSort} loading={rollup.loading} /> : null}
      </section>

      {data ? (
        <>
          <section className="programme-section" aria-labelledby="distribution-heading">
            <h2 className="heading-m" id="distribution-heading">
              Overall trust across the programme
            </h2>
            <HeadlineDistribution distribution={data.distribution} />
          </section>
          <section className="programme-section" aria-labelledby="pooled-heading">
            <h2 className="heading-m" id="pooled-heading">
              The baseline question, pooled
            </h2>
            <PooledBaseline pooled={data.pooledBaseline} />
            {data.note ? <p className="body programme-note">{data.note}</p> : null}
          </section>
        </>
      ) : null}

      <LeadsSection programmeId={programme.id} programmeName={programme.name} leads={leads} invitations={invitations} onChanged={detail.reload} />
      <NewJoinCode programmeId={programme.id} programmeName={programme.name} />
      <DeleteProgramme programme={programme} />
    </div>
  );
}
