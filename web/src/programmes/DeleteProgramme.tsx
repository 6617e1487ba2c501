// The "Delete programme" section: the lead types the programme's name to confirm; it then leaves every list and partnerships stop sharing with it.
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import type { Programme } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors } from "../components/useFormErrors.ts";

const FIELDS = { confirm: "delete-programme-confirm" };

export function DeleteProgramme({ programme }: { programme: Programme }) {
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = typed.trim();
    const problem = text === "" ? "Type the programme’s name to confirm" : text !== programme.name ? "Type the programme’s name exactly as shown" : null;
    errors.show(problem ? [{ field: "confirm", message: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      await programmeApi.remove(programme.id, text);
      // Replacing the page: Back should not return to a programme that is gone (and the message keeps focus).
      navigate("/programmes", { replace: true, state: { notice: `Deleted the programme ${programme.name}` } });
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  }

  return (
    <section className="programme-section" aria-labelledby="delete-programme-heading">
      <h2 className="heading-m" id="delete-programme-heading">
        Delete programme
      </h2>
      <p className="body two-thirds">
        The programme goes for every lead: its join code stops working and partnerships stop sharing with it (their convenors see this in their audit
        log). Nothing the partnerships published changes. There is no undo here.
      </p>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.confirm}
          label="Type the programme’s name to confirm"
          hint={
            <>
              Type <strong className="programme-confirm-name">{programme.name}</strong> exactly as shown
            </>
          }
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={setTyped}
          error={errors.of("confirm")}
        />
        <button type="submit" className="button button--warning" disabled={busy}>
          {busy ? "Deleting…" : "Delete programme"}
        </button>
      </form>
    </section>
  );
}
