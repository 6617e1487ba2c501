// The period the health figures cover: first and last day, kept in the address (?from=&to=), checked before it is applied.
import { useEffect, useState } from "react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";

interface Props {
  /** The period the figures shown cover (the server's defaults when the address gives none). */
  from: string;
  to: string;
  loading: boolean;
  onChange: (period: { from: string; to: string }) => void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function PeriodPicker({ from, to, loading, onChange }: Props) {
  const errors = useFormErrors({ from: "period-from", to: "period-to" });
  const [first, setFirst] = useState(from);
  const [last, setLast] = useState(to);
  useEffect(() => {
    setFirst(from);
    setLast(to);
  }, [from, to]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: FieldProblem[] = [];
    if (!DAY.test(first)) problems.push({ field: "from", message: "Enter the first day of the period" });
    if (!DAY.test(last)) problems.push({ field: "to", message: "Enter the last day of the period" });
    else if (DAY.test(first) && last < first) problems.push({ field: "to", message: "The period must end on or after the day it starts" });
    if (problems.length > 0) return errors.show(problems);
    errors.clear();
    onChange({ from: first, to: last });
  };

  return (
    <form className="health-period" noValidate onSubmit={submit} aria-label="Period">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <div className="health-period__fields">
        <TextInput id="period-from" type="date" label="From" value={first} onChange={setFirst} error={errors.of("from")} />
        <TextInput id="period-to" type="date" label="To" value={last} onChange={setLast} error={errors.of("to")} />
        <button type="submit" className="button button--secondary health-period__button" disabled={loading}>
          {loading ? "Loading…" : "Show this period"}
        </button>
      </div>
    </form>
  );
}
