// The programme's leads, and a form to add another lead by the email address they sign in with.
import { useState, type FormEvent } from "react";
import type { ProgrammeLead } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { SuccessBanner } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors } from "../components/useFormErrors.ts";
import { formatDate } from "../format.ts";
import { checkEmail } from "../validation.ts";

const FIELDS = { email: "lead-email" };

interface Props {
  programmeId: string;
  leads: ProgrammeLead[];
  onAdded: () => void;
}

export function LeadsSection({ programmeId, leads, onAdded }: Props) {
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const problem = checkEmail(email);
    errors.show(problem ? [{ field: "email", message: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      await programmeApi.addLead(programmeId, email.trim());
      setAdded(email.trim());
      setEmail("");
      onAdded();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="programme-section" aria-labelledby="leads-heading">
      <h2 className="heading-m" id="leads-heading">
        Leads
      </h2>
      <p className="body">Leads see everything on this page and can add other leads. Each lead needs an accord account.</p>
      <ul className="programme-leads">
        {leads.map((l) => (
          <li key={l.userId}>
            <strong>{l.name}</strong> <span className="table__email">{l.email}</span>
            <span className="table__sub">Lead since {formatDate(l.addedAt)}</span>
          </li>
        ))}
      </ul>
      {added ? <SuccessBanner title={`${added} is now a lead`} focus={false} /> : null}
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.email}
          label="Add a lead"
          hint="The email address they use to sign in to accord"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.of("email")}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? "Adding…" : "Add lead"}
        </button>
      </form>
    </section>
  );
}
