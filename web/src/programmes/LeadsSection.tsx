// The programme's leads, each with a Remove button (not for the only lead, which says why), and a form to add another lead by the email address they sign in with.
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import type { ProgrammeLead } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ActionError, SuccessBanner } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { describeError, useFormErrors } from "../components/useFormErrors.ts";
import { formatDate } from "../format.ts";
import { useUser } from "../session.tsx";
import { checkEmail } from "../validation.ts";

const FIELDS = { email: "lead-email" };
const LAST_LEAD_NOTE = "last-lead-note";

interface Props {
  programmeId: string;
  programmeName: string;
  leads: ProgrammeLead[];
  /** Called after a lead was added or removed, to load the leads again. */
  onChanged: () => void;
}

/** A lead's Remove button: asks first; the only lead gets a disabled button and the reason beside it. */
function RemoveLead({ lead, isMe, only, onRemove }: { lead: ProgrammeLead; isMe: boolean; only: boolean; onRemove: () => Promise<void> }) {
  const subject = isMe ? "yourself as a lead" : `${lead.name} as a lead`;
  if (only) {
    return (
      <>
        <button type="button" className="link-button link-button--warning" disabled aria-describedby={LAST_LEAD_NOTE}>
          Remove<span className="visually-hidden"> {subject}</span>
        </button>
        <span className="table__sub" id={LAST_LEAD_NOTE}>
          {isMe ? "You are" : `${lead.name} is`} the only lead, and a programme always needs one. Add another lead first, or delete the programme.
        </span>
      </>
    );
  }
  return (
    <ConfirmButton
      label="Remove"
      subject={subject}
      question={isMe ? "Stop being a lead of this programme?" : `Remove ${lead.name} as a lead?`}
      detail={isMe ? "You will no longer see this programme." : "They will no longer see this programme."}
      confirmLabel={isMe ? "Yes, remove me" : "Yes, remove"}
      onConfirm={onRemove}
    />
  );
}

export function LeadsSection({ programmeId, programmeName, leads, onChanged }: Props) {
  const me = useUser();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; focus: boolean } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string[]>([]);
  const shown = leads.filter((l) => !removed.includes(l.userId));
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setRemoveError(null);
    const problem = checkEmail(email);
    errors.show(problem ? [{ field: "email", message: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      await programmeApi.addLead(programmeId, email.trim());
      setNotice({ text: `${email.trim()} is now a lead`, focus: false });
      setRemoved([]); // someone removed earlier may be a lead again
      setEmail("");
      onChanged();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(lead: ProgrammeLead) {
    setNotice(null);
    setRemoveError(null);
    try {
      await programmeApi.removeLead(programmeId, lead.userId);
    } catch (error) {
      setRemoveError(describeError(error));
      return;
    }
    if (lead.userId === me.id) {
      navigate("/programmes", { replace: true, state: { notice: `You are no longer a lead of ${programmeName}` } });
      return;
    }
    // The lead leaves the list at once (before the list is loaded again), taking the button that was used with it, so the message takes focus.
    setRemoved((ids) => [...ids, lead.userId]);
    setNotice({ text: `${lead.name} is no longer a lead`, focus: true });
    onChanged();
  }

  return (
    <section className="programme-section" aria-labelledby="leads-heading">
      <h2 className="heading-m" id="leads-heading">
        Leads
      </h2>
      <p className="body">Leads see everything on this page and can add or remove leads. Each lead needs an accord account.</p>
      <ActionError message={removeError} />
      {notice ? <SuccessBanner title={notice.text} focus={notice.focus} /> : null}
      <ul className="programme-leads">
        {shown.map((l) => (
          <li key={l.userId} className="programme-lead">
            <div>
              <strong>{l.name}</strong>
              {l.userId === me.id ? " (you)" : ""} <span className="table__email">{l.email}</span>
              <span className="table__sub">Lead since {formatDate(l.addedAt)}</span>
            </div>
            <div className="programme-lead__action">
              <RemoveLead lead={l} isMe={l.userId === me.id} only={shown.length === 1} onRemove={() => remove(l)} />
            </div>
          </li>
        ))}
      </ul>
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
