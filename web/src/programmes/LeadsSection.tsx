// The programme's leads, each with a Remove button (not for the only lead, which says why); invitations to lead not yet accepted, each with Withdraw; and a form to invite someone by email (they become a lead once they accept; without email the link is shown to pass on).
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import type { CreatedLeadInvitation, LeadInvitation, ProgrammeLead } from "../api/programme-types.ts";
import { ApiError } from "../api/client.ts";
import { programmeApi } from "../api/programmes.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { CopyBox } from "../components/CopyBox.tsx";
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
  /** Invitations to lead, not yet accepted. */
  invitations: LeadInvitation[];
  /** Called after a lead was invited or removed, or an invitation withdrawn, to load the leads again. */
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

/** What a new invitation to lead means: emailed to the address only, or a link for the lead to pass on (and to nobody else). */
function InvitedNotice({ invitation, programmeName }: { invitation: CreatedLeadInvitation; programmeName: string }) {
  const until = formatDate(invitation.expiresAt);
  if (invitation.emailed || invitation.url === null) {
    return (
      <SuccessBanner title={`We’ve emailed an invitation to ${invitation.email}`}>
        <p className="body">
          They become a lead once they accept it, with their accord account or a new one. The link in it works once, until {until}.
        </p>
      </SuccessBanner>
    );
  }
  return (
    <SuccessBanner title={`Invitation ready for ${invitation.email}`}>
      <CopyBox label={`Invitation link for ${invitation.email}`} value={invitation.url} id="lead-invitation-link" />
      <p className="body">
        This accord does not send email, so send this link to them yourself. They become a lead of {programmeName} once they
        accept it. It works once, for 7 days (until {until}).
      </p>
      <p className="body">
        <strong>
          Whoever opens it first can accept it and, if {invitation.email} has no account yet, create that account and choose its
          password, so send it only to that person.
        </strong>
      </p>
    </SuccessBanner>
  );
}

type Notice = { kind: "text"; text: string; focus: boolean } | { kind: "invited"; invitation: CreatedLeadInvitation };

export function LeadsSection({ programmeId, programmeName, leads, invitations, onChanged }: Props) {
  const me = useUser();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string[]>([]);
  const [withdrawn, setWithdrawn] = useState<string[]>([]);
  const shown = leads.filter((l) => !removed.includes(l.userId));
  const pending = invitations.filter((i) => !withdrawn.includes(i.id));
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
      const invitation = await programmeApi.inviteLead(programmeId, email.trim());
      setNotice({ kind: "invited", invitation });
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
    setNotice({ kind: "text", text: `${lead.name} is no longer a lead`, focus: true });
    onChanged();
  }

  async function withdraw(invitation: LeadInvitation) {
    setNotice(null);
    setRemoveError(null);
    try {
      await programmeApi.withdrawLeadInvitation(programmeId, invitation.id);
    } catch (error) {
      setRemoveError(`Could not withdraw the invitation for ${invitation.email}. ${describeError(error)}`);
      if (error instanceof ApiError && error.status === 404) onChanged(); // accepted or withdrawn meanwhile
      return;
    }
    setWithdrawn((ids) => [...ids, invitation.id]);
    setNotice({ kind: "text", text: `Invitation for ${invitation.email} withdrawn: its link no longer works`, focus: true });
    onChanged();
  }

  return (
    <section className="programme-section" aria-labelledby="leads-heading">
      <h2 className="heading-m" id="leads-heading">
        Leads
      </h2>
      <p className="body">
        Leads see everything on this page and can invite or remove leads. Someone becomes a lead by accepting an invitation,
        with their accord account or a new one.
      </p>
      <ActionError message={removeError} />
      {notice?.kind === "text" ? <SuccessBanner title={notice.text} focus={notice.focus} /> : null}
      {notice?.kind === "invited" ? <InvitedNotice invitation={notice.invitation} programmeName={programmeName} /> : null}
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
      {pending.length > 0 ? (
        <>
          <h3 className="heading-s" id="lead-invitations-heading">
            Invited, not yet accepted
          </h3>
          <ul className="programme-leads" aria-labelledby="lead-invitations-heading">
            {pending.map((i) => (
              <li key={i.id} className="programme-lead">
                <div>
                  <span className="table__email">{i.email}</span>
                  <span className="table__sub">
                    {i.emailed ? "Emailed" : "Link passed on by a lead"}; the link works until {formatDate(i.expiresAt)}
                  </span>
                </div>
                <div className="programme-lead__action">
                  <ConfirmButton
                    label="Withdraw"
                    subject={`the invitation for ${i.email}`}
                    question={`Withdraw the invitation for ${i.email}?`}
                    detail="Its link will stop working."
                    confirmLabel="Yes, withdraw"
                    onConfirm={() => withdraw(i)}
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.email}
          label="Invite a lead"
          hint="Their email address. They become a lead once they accept the invitation."
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.of("email")}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? "Inviting…" : "Invite"}
        </button>
      </form>
    </section>
  );
}
