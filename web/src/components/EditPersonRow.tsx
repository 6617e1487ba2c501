// Inline form, in a table row, for a convenor to change a person's name (as they typed it, say to correct a typo), organisation and job title.
import { useEffect, useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import type { Organisation, Person } from "../api/types.ts";
import { checkRequired } from "../validation.ts";
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
  const fields = {
    name: `edit-person-name-${person.id}`,
    organisationId: `edit-person-organisation-${person.id}`,
    jobTitle: `edit-person-job-title-${person.id}`,
  };
  const [name, setName] = useState(person.name);
  const [organisationId, setOrganisationId] = useState(person.organisationId ?? "");
  const [jobTitle, setJobTitle] = useState(person.jobTitle ?? "");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const headingId = `edit-person-heading-${person.id}`;

  useEffect(() => {
    // The form starts at the table's left edge; a wide table may have been scrolled sideways to reach "Change".
    const field = document.getElementById(fields.name);
    const wrap = field?.closest(".table-wrap");
    if (wrap) wrap.scrollLeft = 0;
    field?.focus();
  }, [fields.name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nameProblem = checkRequired(name, "Enter the person’s name");
    if (nameProblem) {
      errors.show([{ field: "name", message: nameProblem }]);
      return;
    }
    errors.clear();
    const changes: { name?: string; organisationId?: string | null; jobTitle?: string | null } = {};
    if (name.trim() !== person.name) changes.name = name.trim();
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
          <TextInput
            id={fields.name}
            label="Name"
            hint={`As it shows in this partnership. Their email address, ${person.email}, cannot be changed.`}
            value={name}
            onChange={setName}
            error={errors.of("name")}
            autoComplete="off"
          />
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
