// Quick actions on one entry: a commitment's outcome (kept, broken, renegotiated), ways-of-working sign-ups, taking up an offer or ask.
import { useState, type FormEvent } from "react";
import { registersApi } from "../api/registers.ts";
import type { EntryView, RegisterMeta } from "../api/register-types.ts";
import { TextInput } from "../components/fields.tsx";
import { formatDay } from "../format.ts";
import { fieldOf, enumLabel } from "./format.ts";
import { OrganisationAction } from "./OrganisationAction.tsx";
import { useRegisters } from "./RegistersLayout.tsx";

interface Props {
  meta: RegisterMeta;
  entry: EntryView;
  /** Runs a change; the page shows its result or its error. */
  run: (change: () => Promise<EntryView>, done: string) => Promise<void>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function CommitmentOutcome({ entry, run }: Props) {
  const { partnership } = useRegisters();
  const [renegotiating, setRenegotiating] = useState(false);
  const [newDate, setNewDate] = useState("");
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const outcome = entry.data["outcome"];
  if (outcome !== "open" && outcome !== "renegotiated") return null;

  // outcomeOn: null lets the server record today's date as the day of the outcome.
  const mark = async (value: "kept" | "broken") => {
    setBusy(true);
    await run(() => registersApi.updateEntry(partnership.id, "commitments", entry.id, entry.version, { outcome: value, outcomeOn: null }), value === "kept" ? "Marked as kept" : "Marked as broken");
    setBusy(false);
  };

  async function renegotiate(event: FormEvent) {
    event.preventDefault();
    const due = String(entry.data["dueOn"] ?? "");
    if (!DATE.test(newDate)) return setDateError("Enter the new due date, like 2026-03-31");
    if (due && newDate < due) return setDateError(`The new due date cannot be before the original one (${formatDay(due)})`);
    setDateError(undefined);
    setBusy(true);
    await run(
      () => registersApi.updateEntry(partnership.id, "commitments", entry.id, entry.version, { outcome: "renegotiated", renegotiatedDueOn: newDate, outcomeOn: null }),
      `Renegotiated: now due ${formatDay(newDate)}`,
    );
    setBusy(false);
    setRenegotiating(false);
  }

  return (
    <section className="section register-quick" aria-labelledby="outcome-heading">
      <h3 className="heading-s" id="outcome-heading">
        Record the outcome
      </h3>
      <p className="body">Today’s date is recorded as the day of the outcome.</p>
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={() => void mark("kept")}>
          Mark kept
        </button>
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void mark("broken")}>
          Mark broken
        </button>
        <button type="button" className="button button--secondary" disabled={busy} aria-expanded={renegotiating} onClick={() => setRenegotiating((r) => !r)}>
          Renegotiate
        </button>
      </div>
      {renegotiating ? (
        <form onSubmit={(e) => void renegotiate(e)} noValidate className="register-inset">
          <TextInput id="renegotiated-due-on" label="New due date" hint="The date agreed with the partner it was promised to." type="date" width="half" value={newDate} onChange={setNewDate} error={dateError} />
          <button type="submit" className="button" disabled={busy}>
            Save new date
          </button>
        </form>
      ) : null}
    </section>
  );
}

function SignUps({ entry, run }: Props) {
  const { partnership, actsFor, orgName, people } = useRegisters();
  const signUps = entry.signUps ?? [];
  const signed = new Set(signUps.map((s) => s.organisationId));
  const candidates = entry.deletedAt ? [] : actsFor.filter((o) => !signed.has(o.id));
  const byUser = (userId: string) => people.find((p) => p.userId === userId)?.name;
  return (
    <section className="section" aria-labelledby="sign-ups-heading">
      <h3 className="heading-s" id="sign-ups-heading">
        Organisations signed up
      </h3>
      {signUps.length === 0 ? (
        <p className="body">No organisation has signed up yet.</p>
      ) : (
        <ul className="list">
          {signUps.map((s) => {
            const name = byUser(s.signedByUserId);
            return (
              <li key={s.organisationId}>
                <strong>{orgName(s.organisationId)}</strong>, {formatDay(s.signedOn)}
                {name ? ` (by ${name})` : null}
              </li>
            );
          })}
        </ul>
      )}
      <OrganisationAction
        id="sign-up-organisation"
        organisations={candidates}
        labelFor={(name) => `Sign up for ${name}`}
        label="Sign up"
        onAct={(organisationId) => run(() => registersApi.signUp(partnership.id, entry.id, entry.version, organisationId), `${orgName(organisationId)} signed up`)}
      />
    </section>
  );
}

function TakeUp({ meta, entry, run }: Props) {
  const { partnership, actsFor, orgName } = useRegisters();
  if (entry.deletedAt || entry.data["status"] !== "open") return null;
  const candidates = actsFor.filter((o) => o.id !== entry.data["organisationId"]);
  if (candidates.length === 0) return null;
  const kind = enumLabel(fieldOf(meta, "kind"), entry.data["kind"]).toLowerCase() || "offer or ask";
  return (
    <section className="section" aria-labelledby="take-up-heading">
      <h3 className="heading-s" id="take-up-heading">
        Take up this {kind}
      </h3>
      <p className="body">
        {kind === "ask" ? "Say that your organisation will help with this." : "Say that your organisation would like this."} It is then marked as taken up.
      </p>
      <OrganisationAction
        id="take-up-organisation"
        organisations={candidates}
        labelFor={(name) => `Take up for ${name}`}
        label="Take up"
        onAct={(organisationId) => run(() => registersApi.takeUp(partnership.id, entry.id, entry.version, organisationId), `Taken up by ${orgName(organisationId)}`)}
      />
    </section>
  );
}

export function EntryActions(props: Props) {
  const { meta, entry } = props;
  if (meta.key === "ways-of-working") return <SignUps {...props} />;
  if (meta.key === "offers-asks") return <TakeUp {...props} />;
  if (meta.key === "commitments" && entry.canEdit && !entry.deletedAt) return <CommitmentOutcome {...props} />;
  return null;
}
