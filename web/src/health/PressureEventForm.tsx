// The form to add or change a pressure event (label, kind, first and last day, note), with the error summary pattern.
import { useState } from "react";
import { PRESSURE_KINDS, type PressureEvent, type PressureEventInput, type PressureKind } from "../api/health-types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { Select, TextArea, TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { PRESSURE_KIND_LABELS } from "./health-format.ts";

interface Props {
  /** The event being changed, or undefined to add one. */
  event?: PressureEvent;
  /** Distinguishes the fields' ids when several forms are on the page. */
  idPrefix: string;
  submitLabel: string;
  onSubmit: (body: PressureEventInput) => Promise<void>;
  onCancel?: () => void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function PressureEventForm({ event, idPrefix, submitLabel, onSubmit, onCancel }: Props) {
  const ids = { label: `${idPrefix}-label`, kind: `${idPrefix}-kind`, startsOn: `${idPrefix}-starts`, endsOn: `${idPrefix}-ends`, note: `${idPrefix}-note` };
  const errors = useFormErrors(ids);
  const [label, setLabel] = useState(event?.label ?? "");
  const [kind, setKind] = useState<string>(event?.kind ?? "winter_pressures");
  const [startsOn, setStartsOn] = useState(event?.startsOn ?? "");
  const [endsOn, setEndsOn] = useState(event?.endsOn ?? "");
  const [note, setNote] = useState(event?.note ?? "");
  const [busy, setBusy] = useState(false);

  const check = (): FieldProblem[] => {
    const problems: FieldProblem[] = [];
    if (label.trim() === "") problems.push({ field: "label", message: "Give the event a short name" });
    if (!DAY.test(startsOn)) problems.push({ field: "startsOn", message: "Enter the first day of the event" });
    if (!DAY.test(endsOn)) problems.push({ field: "endsOn", message: "Enter the last day of the event" });
    else if (DAY.test(startsOn) && endsOn < startsOn) problems.push({ field: "endsOn", message: "The last day must be on or after the first day" });
    return problems;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems = check();
    if (problems.length > 0) return errors.show(problems);
    errors.clear();
    setBusy(true);
    try {
      await onSubmit({ label: label.trim(), kind: kind as PressureKind, startsOn, endsOn, note: note.trim() === "" ? null : note.trim() });
      if (!event) {
        setLabel("");
        setStartsOn("");
        setEndsOn("");
        setNote("");
      }
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="health-form" noValidate onSubmit={submit}>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <TextInput id={ids.label} label="What happened" hint="For example, “Winter bed crisis” or “Council budget cut”" value={label} onChange={setLabel} error={errors.of("label")} maxLength={200} />
      <Select
        id={ids.kind}
        label="Kind of pressure"
        value={kind}
        onChange={setKind}
        options={PRESSURE_KINDS.map((k) => ({ value: k, label: PRESSURE_KIND_LABELS[k] }))}
        error={errors.of("kind")}
      />
      <div className="health-form__dates">
        <TextInput id={ids.startsOn} type="date" label="First day" value={startsOn} onChange={setStartsOn} error={errors.of("startsOn")} width="half" />
        <TextInput id={ids.endsOn} type="date" label="Last day" value={endsOn} onChange={setEndsOn} error={errors.of("endsOn")} width="half" />
      </div>
      <TextArea id={ids.note} label="Note (optional)" value={note} onChange={setNote} error={errors.of("note")} rows={3} maxLength={2000} />
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
