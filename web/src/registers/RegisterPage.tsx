// /partnerships/:id/registers/:key – one register: its figures, filters, entries, add form, CSV download and import.
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { registersApi } from "../api/registers.ts";
import type { EntryQuery, EntryView, RegisterMeta } from "../api/register-types.ts";
import { ErrorPanel, LoadMore, Loading } from "../components/Feedback.tsx";
import { usePaged, useTitle } from "../hooks.ts";
import { CsvImport } from "./CsvImport.tsx";
import { EntryForm } from "./EntryForm.tsx";
import { EntryTable } from "./EntryTable.tsx";
import { FreshnessPanel } from "./FreshnessPanel.tsx";
import { GoalProgressPanel } from "./GoalProgressPanel.tsx";
import { KeptOnTimePanel } from "./KeptOnTimePanel.tsx";
import { withArticle } from "./format.ts";
import { ReciprocityPanel } from "./ReciprocityPanel.tsx";
import { queryFromParams, RegisterFilters } from "./RegisterFilters.tsx";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";

function Panel({ meta, refreshKey }: { meta: RegisterMeta; refreshKey: number }): ReactNode {
  switch (meta.key) {
    case "commitments":
      return <KeptOnTimePanel refreshKey={refreshKey} />;
    case "offers-asks":
      return <ReciprocityPanel refreshKey={refreshKey} />;
    case "intentions":
      return <FreshnessPanel refreshKey={refreshKey} />;
    case "goals":
      return <GoalProgressPanel refreshKey={refreshKey} />;
    default:
      return null;
  }
}

function who(meta: RegisterMeta, role: string, hasOrganisation: boolean): string {
  if (role === "viewer") return "As a viewer you can read this register but not change it.";
  if (role === "convenor") return "";
  if (!meta.ownerField) return `Only convenors can add or change ${meta.label.toLowerCase()}.`;
  if (!hasOrganisation) return "You are not linked to an organisation in this partnership, so you cannot add entries here. A convenor can link you to one.";
  return `You can add ${meta.label.toLowerCase()} for your own organisation and change them.`;
}

function Register({ meta }: { meta: RegisterMeta }) {
  const { partnership, canAdd, base, myOrganisationId } = useRegisters();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => queryFromParams(meta, params), [meta, params]);
  const filterKey = JSON.stringify(filters);
  const load = useCallback(
    (cursor: string | null) => registersApi.listEntries(partnership.id, meta.key, JSON.parse(filterKey) as EntryQuery, cursor),
    [partnership.id, meta.key, filterKey],
  );
  const list = usePaged(load);
  const [refreshKey, setRefreshKey] = useState(0);
  const [added, setAdded] = useState<EntryView | null>(null);
  useTitle(`${meta.label} – ${partnership.name}`);

  function apply(q: EntryQuery) {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") next.set(k, String(v));
    setParams(next);
  }

  const filtered = Boolean(filters.status || filters.organisationId || filters.q || filters.deleted);
  const note = who(meta, partnership.myRole, myOrganisationId !== null);

  return (
    <>
      <p className="caption">
        <Link to={base}>Registers</Link>
      </p>
      <h2 className="heading-m">{meta.label}</h2>
      <p className="body">{meta.purpose}</p>
      {note ? <p className="hint">{note}</p> : null}
      <Panel meta={meta} refreshKey={refreshKey} />

      <section className="section" aria-labelledby="entries-heading">
        <h3 className="heading-s" id="entries-heading">
          Entries
        </h3>
        <RegisterFilters key={filterKey} meta={meta} value={filters} onApply={apply} />
        {list.loading ? <Loading what={`Loading ${meta.label.toLowerCase()}`} /> : null}
        {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
        {!list.loading && !list.error && list.items.length === 0 ? (
          <p className="body">{filtered ? "Nothing matches these filters." : `Nothing recorded yet.`}</p>
        ) : null}
        {list.items.length > 0 && !list.loading ? <EntryTable meta={meta} entries={list.items} /> : null}
        <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what={meta.label.toLowerCase()} />
        <p className="body">
          <a href={registersApi.csvUrl(partnership.id, meta.key)} download>
            Download all {meta.label.toLowerCase()} as CSV
          </a>
        </p>
      </section>

      {canAdd(meta) ? (
        <>
          <section className="section" aria-labelledby="add-entry-heading">
            <h3 className="heading-s" id="add-entry-heading">
              Add {withArticle(meta.singular)}
            </h3>
            <div role="status">
              {added ? (
                <p className="inline-success">
                  Added: <Link to={entryPath(partnership.id, meta.key, added.id)}>{added.title}</Link>
                </p>
              ) : null}
            </div>
            <EntryForm
              meta={meta}
              idPrefix={`add-${meta.key}`}
              onSaved={(entry) => {
                setAdded(entry);
                list.reload();
                setRefreshKey((k) => k + 1);
              }}
            />
          </section>
          <CsvImport
            meta={meta}
            onImported={() => {
              setAdded(null);
              list.reload();
              setRefreshKey((k) => k + 1);
            }}
          />
        </>
      ) : null}
    </>
  );
}

function NoSuchRegister({ name }: { name: string }) {
  const { base } = useRegisters();
  useTitle("Register not found");
  return (
    <>
      <h2 className="heading-m">Register not found</h2>
      <p className="body">
        There is no register called “{name}”. <Link to={base}>See all registers</Link>.
      </p>
    </>
  );
}

export function RegisterPage() {
  const { key = "" } = useParams();
  const { registerByKey } = useRegisters();
  const meta = registerByKey(key);
  if (!meta) return <NoSuchRegister name={key} />;
  return <Register key={meta.key} meta={meta} />;
}
