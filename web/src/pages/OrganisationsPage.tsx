// /partnerships/:id/organisations – the partner organisations; convenors add, change and remove them.
import { useCallback, useState, type FormEvent } from "react";
import { SECTORS, SECTOR_LABELS, type Sector } from "../../../src/partnerships/sectors.ts";
import { api } from "../api/api.ts";
import type { Organisation } from "../api/types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ActionError, ErrorPanel, LoadMore, Loading, SuccessBanner, TableWrap } from "../components/Feedback.tsx";
import { Select, TextInput } from "../components/fields.tsx";
import { OrganisationRow } from "../components/OrganisationRow.tsx";
import { describeError, useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { usePaged, useTitle } from "../hooks.ts";
import { checkRequired } from "../validation.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

const FIELDS = { name: "organisation-name", sector: "organisation-sector" };
const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }));

function AddOrganisationForm({ onAdded }: { onAdded: (o: Organisation) => void }) {
  const { partnership } = usePartnership();
  const [name, setName] = useState("");
  const [sector, setSector] = useState<Sector | "">("");
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter the organisation’s name");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    if (sector === "") problems.push({ field: "sector", message: "Select the organisation’s sector" });
    errors.show(problems);
    setAdded(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const created = await api.createOrganisation(partnership.id, { name: name.trim(), sector });
      setName("");
      setSector("");
      onAdded(created);
      setAdded(`${created.name} added`);
      document.getElementById(FIELDS.name)?.focus();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="add-organisation-heading" className="section">
      <h3 className="heading-s" id="add-organisation-heading">
        Add an organisation
      </h3>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <div role="status">{added ? <p className="inline-success">{added}</p> : null}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput id={FIELDS.name} label="Organisation name" value={name} onChange={setName} error={errors.of("name")} />
        <Select
          id={FIELDS.sector}
          label="Sector"
          value={sector}
          onChange={(v) => setSector(v as Sector | "")}
          options={SECTOR_OPTIONS}
          placeholder="Select a sector"
          error={errors.of("sector")}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Adding…" : "Add organisation"}
        </button>
      </form>
    </section>
  );
}

export function OrganisationsPage() {
  const { partnership, isConvenor } = usePartnership();
  useTitle(`Organisations – ${partnership.name}`);
  const load = useCallback((cursor: string | null) => api.listOrganisations(partnership.id, cursor), [partnership.id]);
  const list = usePaged(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function remove(org: Organisation) {
    setActionError(null);
    try {
      await api.deleteOrganisation(partnership.id, org.id);
      list.setItems((items) => items.filter((o) => o.id !== org.id));
      setNotice(`${org.name} removed`);
    } catch (error) {
      setActionError(`Could not remove ${org.name}. ${describeError(error)}`);
    }
  }

  return (
    <>
      <h2 className="heading-m">Organisations</h2>
      {notice ? <SuccessBanner title={notice} onDismiss={() => setNotice(null)} /> : null}
      <ActionError message={actionError} />
      {list.loading ? <Loading what="Loading organisations" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <p className="body">No organisations yet.{isConvenor ? " Add the first one below." : ""}</p>
      ) : null}
      {list.items.length > 0 ? (
        <TableWrap label="Organisations">
          <table className="table table--stack">
            <caption className="visually-hidden">Organisations in {partnership.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Sector</th>
                {isConvenor ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.items.map((org) => (
                <OrganisationRow
                  key={org.id}
                  partnershipId={partnership.id}
                  organisation={org}
                  isConvenor={isConvenor}
                  onRemove={remove}
                  onSaved={(saved) => {
                    setActionError(null);
                    list.setItems((items) => items.map((o) => (o.id === saved.id ? saved : o)));
                    setNotice(`${saved.name} saved`);
                  }}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="organisations" />
      {isConvenor ? (
        <AddOrganisationForm
          onAdded={(org) => {
            if (list.nextCursor) list.reload();
            else list.setItems((items) => [...items, org]);
            setNotice(null);
          }}
        />
      ) : null}
    </>
  );
}
