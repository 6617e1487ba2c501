// Hook holding a form's errors: client-side checks and API problem+json errors, mapped to fields.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import type { SummaryItem } from "./ErrorSummary.tsx";

export interface FieldProblem {
  /** API field path (e.g. "email"), matching a key of the form's field map. */
  field?: string;
  message: string;
  /** Or an in-app path where the problem can be dealt with (shown as a link in the summary). */
  to?: string;
}

/** A plain-English message for an API error that has no field errors. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  if (error.status === 0) return "Could not reach accord. Check your connection and try again.";
  if (error.status === 403) return error.detail ?? "You do not have permission to do that.";
  if (error.status === 404) return error.detail ?? "That could not be found. It may have been removed.";
  if (error.status >= 500) {
    const ref = error.requestId ? ` (reference ${error.requestId})` : "";
    return `Something went wrong on our side. Try again later${ref}.`;
  }
  return error.detail ?? error.title;
}

/** Turns an API error into field problems, using the form's known field paths. */
export function problemsFromError(error: unknown, fields: Record<string, string>): FieldProblem[] {
  if (error instanceof ApiError && error.errors.length > 0) {
    return error.errors.map((e) => {
      const path = e.path ?? "";
      const key = path in fields ? path : path.split(".")[0] ?? "";
      return key in fields ? { field: key, message: e.message } : { message: e.message };
    });
  }
  return [{ message: describeError(error) }];
}

export interface FormErrors {
  /** Items for the ErrorSummary. */
  summary: SummaryItem[];
  /** The inline message for one field, if it has a problem. */
  of: (field: string) => string | undefined;
  /** Shows these problems (and focuses the summary); an empty list clears them. */
  show: (problems: FieldProblem[]) => void;
  /** Shows the problems in an API error. */
  showError: (error: unknown) => void;
  clear: () => void;
  summaryRef: React.RefObject<HTMLDivElement | null>;
}

/** `fields` maps API field paths to element ids, e.g. { email: "sign-in-email" }. */
export function useFormErrors(fields: Record<string, string>): FormErrors {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [focusTick, setFocusTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const show = useCallback((next: FieldProblem[]) => {
    setProblems(next);
    if (next.length > 0) setFocusTick((t) => t + 1);
  }, []);
  const showError = useCallback(
    (error: unknown) => show(problemsFromError(error, fieldsRef.current)),
    [show],
  );
  const clear = useCallback(() => setProblems([]), []);

  const summary: SummaryItem[] = problems.map((p) => ({
    message: p.message,
    fieldId: p.field !== undefined ? fields[p.field] : undefined,
    to: p.to,
  }));
  const of = (field: string) => problems.find((p) => p.field === field)?.message;

  return { summary, of, show, showError, clear, summaryRef };
}
