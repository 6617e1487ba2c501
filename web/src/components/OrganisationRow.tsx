// One row of the organisations table; convenors can change the organisation's name and sector in place, or remove it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { SECTORS, SECTOR_LABELS, type Sector } from "../../../src/partnerships/sectors.ts";
import { api } from "../api/api.ts";
import type { Organisation } from "../api/types.ts";
import { checkRequired } from "../validation.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { Select, TextInput } from "./fields.tsx";
import { useFormErrors, type FieldProblem } from "./useFormErrors.ts";

const SECTOR_OPTIONS = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }));

export function sectorLabel(sector: string): string {
  return (SECTOR_LABELS as Record<string, string | undefined>)[sector] ?? sector;
}

interface EditProps {
  partnershipId: string;
  organisation: Organisation;
  columns: number;
  onSaved: (saved: Organisation) => void;
  onCancel: () => void;
}

function EditOrganisationRow({ partnershipId, organisation, columns, onSaved, onCancel }: EditProps) {
  const fields = { name: `edit-organisation-name-${organisation.id}`, sector: `edit-organisation-sector-${organisation.id}` };
  const [name, setName] = useState(organisation.name);
  const [sector, setSector] = useState<Sector | "">(organisation.sector);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const headingId = `edit-organisation-heading-${organisation.id}`;

  useEffect(() => {
    // The form starts at the table's left edge; a wide table may have been scrolled sideways to reach "Change".
    const field = document.getElementById(fields.name);
    const wrap = field?.closest(".table-wrap");
    if (wrap) wrap.scrollLeft = 0;
    field?.focus();
  }, [fields.name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter the organisation’s name");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    if (sector === "") problems.push({ field: "sector", message: "Select the organisation’s sector" });
    errors.show(problems);
    if (problems.length > 0 || sector === "") return;
    const changes: { name?: string; sector?: Sector } = {};
    if (name.trim() !== organisation.name) changes.name = name.trim();
    if (sector !== organisation.sector) changes.sector = sector;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.updateOrganisation(partnershipId, organisation.id, changes));
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  return (
    <tr>
      <td colSpan={columns}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId} className="two-thirds">
          <h3 className="heading-s" id={headingId}>
            Change {organisation.name}
          </h3>
          <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
          <TextInput id={fields.name} label="Name" value={name} onChange={setName} error={errors.of("name")} autoComplete="off" />
          <Select
            id={fields.sector}
            label="Sector"
            value={sector}
            onChange={(v) => setSector(v as Sector | "")}
            options={SECTOR_OPTIONS}
            placeholder="Select a sector"
            error={errors.of("sector")}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Saving…" : "Save changes"}
            </button>
            <button type="button" className="link-button" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}

interface Props {
  partnershipId: string;
  organisation: Organisation;
  isConvenor: boolean;
  onSaved: (saved: Organisation) => void;
  onRemove: (organisation: Organisation) => Promise<void>;
}

export function OrganisationRow({ partnershipId, organisation, isConvenor, onSaved, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) changeButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  if (editing) {
    return (
      <EditOrganisationRow
        partnershipId={partnershipId}
        organisation={organisation}
        columns={3}
        onCancel={() => {
          returnFocus.current = true;
          setEditing(false);
        }}
        onSaved={(saved) => {
          setEditing(false); // the page's success banner takes focus
          onSaved(saved);
        }}
      />
    );
  }
  return (
    <tr>
      <td>{organisation.name}</td>
      <td data-label="Sector">{sectorLabel(organisation.sector)}</td>
      {isConvenor ? (
        <td className="table__actions">
          <ul className="actions">
            <li>
              <button type="button" className="link-button" ref={changeButton} onClick={() => setEditing(true)}>
                Change<span className="visually-hidden"> {organisation.name}</span>
              </button>
            </li>
            <li>
              <ConfirmButton
                label="Remove"
                subject={organisation.name}
                question={`Remove ${organisation.name}?`}
                confirmLabel="Yes, remove"
                onConfirm={() => onRemove(organisation)}
              />
            </li>
          </ul>
        </td>
      ) : null}
    </tr>
  );
}
