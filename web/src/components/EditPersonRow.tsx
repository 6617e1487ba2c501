// Inline form, in a table row, for a convenor to change a person's organisation and job title.
import { useEffect, useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import type { Organisation, Person } from "../api/types.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { Select, TextInput } from "./fields.tsx";
import { useFormErrors } from "./useFormErrors.ts";

interface Props {
  partnershipId: string;
  person: Person;
  organisations: Organisation[];
  columns: number;
  onSaved: (saved: Person) => void;
  onCancel: () => void;
}

export function EditPersonRow({ partnershipId, person, organisations, columns, onSaved, onCancel }: Props) {
  const fields = { organisationId: `edit-person-organisation-${person.id}`, jobTitle: `edit-person-job-title-${person.id}` };
  const [organisationId, setOrganisationId] = useState(person.organisationId ?? "");
  const [jobTitle, setJobTitle] = useState(person.jobTitle ?? "");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const headingId = `edit-person-heading-${person.id}`;

  useEffect(() => {
    // The form starts at the table's left edge; a wide table may have been scrolled sideways to reach "Change".
    const field = document.getElementById(fields.organisationId);
    const wrap = field?.closest(".table-wrap");
    if (wrap) wrap.scrollLeft = 0;
    field?.focus();
  }, [fields.organisationId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    const changes: { organisationId?: string | null; jobTitle?: string | null } = {};
    const newOrganisation = organisationId === "" ? null : organisationId;
    const newJobTitle = jobTitle.trim() === "" ? null : jobTitle.trim();
    if (newOrganisation !== person.organisationId) changes.organisationId = newOrganisation;
    if (newJobTitle !== person.jobTitle) changes.jobTitle = newJobTitle;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.updatePerson(partnershipId, person.id, changes));
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  // The person's current organisation stays selectable even if it is no longer listed (e.g. removed meanwhile).
  const known = person.organisationId === null || organisations.some((o) => o.id === person.organisationId);
  const options = [
    { value: "", label: "None" },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
    ...(known ? [] : [{ value: person.organisationId ?? "", label: "Current organisation (no longer listed)" }]),
  ];

  return (
    <tr>
      <td colSpan={columns}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId} className="two-thirds">
          <h3 className="heading-s" id={headingId}>
            Change details for {person.name}
          </h3>
          <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
          <Select
            id={fields.organisationId}
            label="Organisation"
            value={organisationId}
            onChange={setOrganisationId}
            options={options}
            error={errors.of("organisationId")}
          />
          <TextInput
            id={fields.jobTitle}
            label="Job title (optional)"
            value={jobTitle}
            onChange={setJobTitle}
            error={errors.of("jobTitle")}
            autoComplete="off"
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
