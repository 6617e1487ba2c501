// /partnerships/:id (index) – the partnership's details; convenors can change its name and purpose.
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError, SuccessBanner } from "../components/Feedback.tsx";
import { TextArea, TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { formatDate, ROLE_HINTS, ROLE_LABELS } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { checkRequired } from "../validation.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

const FIELDS = { name: "edit-partnership-name", purpose: "edit-partnership-purpose" };

function EditForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { partnership, setPartnership } = usePartnership();
  const [name, setName] = useState(partnership.name);
  const [purpose, setPurpose] = useState(partnership.purpose);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter a name for the partnership");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    const purposeProblem = checkRequired(purpose, "Say what the partnership is for");
    if (purposeProblem) problems.push({ field: "purpose", message: purposeProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const saved = await api.updatePartnership(partnership.id, { name: name.trim(), purpose: purpose.trim() });
      setPartnership(saved);
      onDone(true);
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h3 className="heading-s">Change name and purpose</h3>
      <TextInput id={FIELDS.name} label="Name" value={name} onChange={setName} error={errors.of("name")} />
      <TextArea id={FIELDS.purpose} label="Purpose" value={purpose} onChange={setPurpose} error={errors.of("purpose")} rows={3} />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="link-button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function PartnershipOverviewPage() {
  const { partnership, isConvenor } = usePartnership();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const navigate = useNavigate();
  useTitle(partnership.name);
  const base = `/partnerships/${encodeURIComponent(partnership.id)}`;

  return (
    <>
      <h2 className="heading-m">Overview</h2>
      {saved ? <SuccessBanner title="Partnership details saved" onDismiss={() => setSaved(false)} /> : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Your role</dt>
          <dd>
            {ROLE_LABELS[partnership.myRole] ?? partnership.myRole}
            <span className="hint-inline"> – {ROLE_HINTS[partnership.myRole] ?? ""}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Created</dt>
          <dd>{formatDate(partnership.createdAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Last changed</dt>
          <dd>{formatDate(partnership.updatedAt)}</dd>
        </div>
      </dl>
      {isConvenor && !editing ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          Change name and purpose
        </button>
      ) : null}
      {isConvenor && editing ? (
        <EditForm
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : null}
      <h2 className="heading-m">In this partnership</h2>
      <ul className="list list--bullet">
        <li>
          <Link to={`${base}/organisations`}>Organisations</Link> – the partner organisations and their sectors.
        </li>
        <li>
          <Link to={`${base}/people`}>People</Link> – who takes part, their organisation and role
          {isConvenor ? ", and their invitation links" : ""}.
        </li>
        <li>
          <Link to={`${base}/waves`}>Surveys</Link> – anonymous trust surveys and their published results.
        </li>
        {isConvenor ? (
          <li>
            <Link to={`${base}/audit`}>Audit log</Link> – every change made in this partnership.
          </li>
        ) : null}
      </ul>
      {isConvenor ? (
        <section aria-labelledby="remove-partnership-heading">
          <h2 className="heading-m" id="remove-partnership-heading">
            Remove this partnership
          </h2>
          <p className="body">
            It will disappear for everyone in it. Nothing is erased: it stays in the database and its audit log.
          </p>
          {removeError ? <ActionError message={removeError} /> : null}
          <ConfirmButton
            label="Remove partnership"
            subject={partnership.name}
            question={`Remove ${partnership.name} for everyone?`}
            confirmLabel="Yes, remove it"
            onConfirm={async () => {
              try {
                await api.removePartnership(partnership.id);
                navigate("/", { replace: true });
              } catch (error) {
                setRemoveError(error instanceof Error ? error.message : "Could not remove the partnership.");
              }
            }}
          />
        </section>
      ) : null}
    </>
  );
}
