// /partnerships/:id/registers/* – loads the register catalogue, organisations and people once, and frames the register pages.
import { useCallback, useEffect, useMemo, useState } from "react";
import { NavLink, Outlet, useOutletContext } from "react-router";
import { api, fetchAll } from "../api/api.ts";
import { registersApi } from "../api/registers.ts";
import type { RegisterMeta } from "../api/register-types.ts";
import type { Organisation, Person } from "../api/types.ts";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { usePartnership, type PartnershipContext } from "../pages/PartnershipLayout.tsx";
import { useUser } from "../session.tsx";
import "../styles/registers.css";

export interface RegistersContext extends PartnershipContext {
  registers: RegisterMeta[];
  registerByKey: (key: string) => RegisterMeta | undefined;
  organisations: Organisation[];
  people: Person[];
  orgName: (id: string | null | undefined) => string;
  personName: (id: string | null | undefined) => string;
  /** The signed-in person's own organisation in this partnership, if they have one. */
  myOrganisationId: string | null;
  /** Whether the signed-in person may add entries to this register. */
  canAdd: (meta: RegisterMeta) => boolean;
  /** Organisations the signed-in person may act for (sign up, take up). */
  actsFor: Organisation[];
  base: string;
}

/** The registers context loaded by RegistersLayout (it extends the partnership context). */
export function useRegisters(): RegistersContext {
  return useOutletContext<RegistersContext>();
}

export function registersPath(pid: string): string {
  return `/partnerships/${encodeURIComponent(pid)}/registers`;
}

export function entryPath(pid: string, key: string, entryId: string): string {
  return `${registersPath(pid)}/${encodeURIComponent(key)}/${encodeURIComponent(entryId)}`;
}

interface Loaded {
  registers: RegisterMeta[];
  organisations: Organisation[];
  people: Person[];
}

export function RegistersLayout() {
  const outer = usePartnership();
  const { partnership } = outer;
  const user = useUser();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([
      registersApi.listRegisters(),
      fetchAll((cursor) => api.listOrganisations(partnership.id, cursor)),
      // People are only needed for names and the reader's own organisation; a refusal is not fatal.
      fetchAll((cursor) => api.listPeople(partnership.id, cursor)).catch(() => [] as Person[]),
    ]).then(
      ([registers, organisations, people]) => live && setLoaded({ registers, organisations, people }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [partnership.id, generation]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);

  const context = useMemo<RegistersContext | null>(() => {
    if (!loaded) return null;
    const orgs = new Map(loaded.organisations.map((o) => [o.id, o.name]));
    const people = new Map(loaded.people.map((p) => [p.id, p.name]));
    const me = loaded.people.find((p) => p.userId === user.id);
    const myOrganisationId = me?.organisationId ?? null;
    const role = partnership.myRole;
    return {
      ...outer,
      ...loaded,
      registerByKey: (key) => loaded.registers.find((r) => r.key === key),
      orgName: (id) => (id ? (orgs.get(id) ?? "Removed organisation") : ""),
      personName: (id) => (id ? (people.get(id) ?? "Removed person") : ""),
      myOrganisationId,
      // Members add entries for their own organisation, so one without an organisation cannot add any.
      canAdd: (meta) => role === "convenor" || (role === "member" && meta.ownerField !== null && myOrganisationId !== null),
      actsFor:
        role === "convenor"
          ? loaded.organisations
          : role === "member"
            ? loaded.organisations.filter((o) => o.id === myOrganisationId)
            : [],
      base: registersPath(partnership.id),
    };
  }, [loaded, outer, partnership.myRole, partnership.id, user.id]);

  if (error) {
    return (
      <>
        <h2 className="heading-m">Registers</h2>
        <ErrorPanel error={error} onRetry={retry} />
      </>
    );
  }
  if (!context) return <Loading what="Loading the registers" />;

  return (
    <>
      <nav className="register-nav" aria-label="Registers">
        <ul className="register-nav__list">
          <li>
            <NavLink to={context.base} end className="register-nav__link">
              All registers
            </NavLink>
          </li>
          <li>
            <NavLink to={`${context.base}/attention`} className="register-nav__link">
              Needs attention
            </NavLink>
          </li>
          <li>
            <NavLink to={`${context.base}/activity`} className="register-nav__link">
              Activity
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet context={context} />
    </>
  );
}
