// /partnerships/:id – loads the partnership and frames its sections (overview, organisations, people, surveys, registers, health, programmes, audit).
import { useCallback, useEffect, useState } from "react";
import { Link, NavLink, Outlet, useOutletContext, useParams } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { Partnership } from "../api/types.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { ROLE_LABELS } from "../format.ts";
import { useTitle } from "../hooks.ts";

export interface PartnershipContext {
  partnership: Partnership;
  isConvenor: boolean;
  setPartnership: (p: Partnership) => void;
}

/** The partnership loaded by the enclosing PartnershipLayout. */
export function usePartnership(): PartnershipContext {
  return useOutletContext<PartnershipContext>();
}

function NotInPartnership() {
  useTitle("Partnership not found");
  return (
    <>
      <h1 className="heading-l">Partnership not found</h1>
      <p className="body">
        This partnership does not exist, or you are not a member of it. If you were invited, use the
        link in your invitation.
      </p>
      <p className="body">
        <Link to="/">Go to your partnerships</Link>
      </p>
    </>
  );
}

export function PartnershipLayout() {
  const { partnershipId = "" } = useParams();
  const [partnership, setPartnership] = useState<Partnership | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api.getPartnership(partnershipId).then(
      (p) => live && setPartnership(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [partnershipId, generation]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);

  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return <NotInPartnership />;
  }
  if (error) {
    return (
      <>
        <h1 className="heading-l">Partnership</h1>
        <ErrorPanel error={error} onRetry={retry} />
      </>
    );
  }
  if (!partnership || partnership.id !== partnershipId) return <Loading what="Loading the partnership" />;

  const isConvenor = partnership.myRole === "convenor";
  const base = `/partnerships/${encodeURIComponent(partnership.id)}`;
  const tabs = [
    { to: base, label: "Overview", end: true },
    { to: `${base}/organisations`, label: "Organisations", end: false },
    { to: `${base}/people`, label: "People", end: false },
    { to: `${base}/waves`, label: "Surveys", end: false },
    { to: `${base}/registers`, label: "Registers", end: false },
    { to: `${base}/health`, label: "Health", end: false },
    { to: `${base}/programmes`, label: "Programmes", end: false },
    ...(isConvenor ? [{ to: `${base}/audit`, label: "Audit log", end: false }] : []),
  ];
  const context: PartnershipContext = { partnership, isConvenor, setPartnership };

  return (
    <>
      <p className="caption">
        <Link to="/">Your partnerships</Link>
        <span aria-hidden="true"> › </span>
        <span>
          Your role: <strong>{ROLE_LABELS[partnership.myRole] ?? partnership.myRole}</strong>
        </span>
      </p>
      <h1 className="heading-l partnership__name">{partnership.name}</h1>
      <p className="lead partnership__purpose">{partnership.purpose}</p>
      <nav className="tabs" aria-label="Partnership sections">
        <ul className="tabs__list">
          {tabs.map((tab) => (
            <li key={tab.to} className="tabs__item">
              <NavLink to={tab.to} end={tab.end} className="tabs__link">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="tabs__panel">
        <Outlet context={context} />
      </div>
    </>
  );
}
