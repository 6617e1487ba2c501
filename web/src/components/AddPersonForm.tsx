// Form for a convenor to add a person to a partnership (name, email, organisation, role, job title).
import { useState, type FormEvent } from "react";
import { ROLES } from "../../../src/partnerships/sectors.ts";
import { api } from "../api/api.ts";
import type { Organisation, Person, Role } from "../api/types.ts";
import { ROLE_LABELS } from "../format.ts";
import { checkEmail, checkRequired } from "../validation.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { Select, TextInput } from "./fields.tsx";
import { useFormErrors, type FieldProblem } from "./useFormErrors.ts";

const FIELDS = {
  name: "person-name",
  email: "person-email",
  organisationId: "person-organisation",
  role: "person-role",
  jobTitle: "person-job-title",
};

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface Props {
  partnershipId: string;
  organisations: Organisation[];
  onAdded: (person: Person) => void;
}

export function AddPersonForm({ partnershipId, organisations, onAdded }: Props) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<Role | "">("member");
  const [jobTitle, setJobTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter the person’s name");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    const emailProblem = checkEmail(email);
    if (emailProblem) problems.push({ field: "email", message: emailProblem });
    if (role === "") problems.push({ field: "role", message: "Select a role" });
    errors.show(problems);
    setAdded(null);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const person = await api.createPerson(partnershipId, {
        name: name.trim(),
        email: email.trim(),
        organisationId: organisationId === "" ? null : organisationId,
        role,
        jobTitle: jobTitle.trim() === "" ? null : jobTitle.trim(),
      });
      setName("");
      setEmail("");
      setJobTitle("");
      onAdded(person);
      setAdded(`${person.name} added. Use “Invite” in the table to send them an invitation.`);
      document.getElementById(FIELDS.name)?.focus();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  const orgOptions = [
    { value: "", label: "None" },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <section aria-labelledby="add-person-heading" className="section">
      <h3 className="heading-s" id="add-person-heading">
        Add a person
      </h3>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <div role="status">{added ? <p className="inline-success">{added}</p> : null}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput id={FIELDS.name} label="Name" value={name} onChange={setName} error={errors.of("name")} autoComplete="off" />
        <TextInput
          id={FIELDS.email}
          label="Email address"
          hint="Their invitation is for this address."
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.of("email")}
          autoComplete="off"
        />
        <Select
          id={FIELDS.organisationId}
          label="Organisation"
          hint={organisations.length === 0 ? "Add organisations first if this person represents one." : undefined}
          value={organisationId}
          onChange={setOrganisationId}
          options={orgOptions}
          error={errors.of("organisationId")}
        />
        <TextInput
          id={FIELDS.jobTitle}
          label="Job title (optional)"
          value={jobTitle}
          onChange={setJobTitle}
          error={errors.of("jobTitle")}
          autoComplete="off"
        />
        <Select
          id={FIELDS.role}
          label="Role"
          hint="Convenors manage the partnership and its people. Members take part and see shared results. Viewers can only look."
          value={role}
          onChange={(v) => setRole(v as Role | "")}
          options={ROLE_OPTIONS}
          error={errors.of("role")}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Adding…" : "Add person"}
        </button>
      </form>
    </section>
  );
}
