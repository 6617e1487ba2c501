// Shared status displays: loading text, error panel with retry, success banner, "Load more".
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { describeError } from "./useFormErrors.ts";

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-summary" role="alert">
      <h2 className="error-summary__title">There is a problem</h2>
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * A green success banner. By default it takes focus when it appears so screen readers announce it;
 * with focus={false} it is a polite live region instead (for forms used several times in a row).
 */
export function SuccessBanner({
  title,
  children,
  onDismiss,
  focus = true,
}: {
  title: string;
  children?: ReactNode;
  onDismiss?: () => void;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [title, focus]);
  return (
    <div
      className="banner banner--success"
      role={focus ? "region" : "status"}
      aria-label={focus ? "Success" : undefined}
      tabIndex={focus ? -1 : undefined}
      ref={ref}
    >
      <p className="banner__title">{title}</p>
      {children}
      {onDismiss ? (
        <button type="button" className="link-button banner__dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}

/** A red panel for a failed action that is not a form submission (remove, change role…). */
export function ActionError({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The action was probably started further down the page: bring the message into view.
    if (message) ref.current?.scrollIntoView({ block: "nearest" });
  }, [message]);
  if (!message) return null;
  return (
    <div className="error-summary" role="alert" ref={ref}>
      <p className="error-summary__title">There is a problem</p>
      <p>{message}</p>
    </div>
  );
}

/** A horizontally scrollable wrapper for wide tables; keyboard-focusable only when it scrolls. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className="table-wrap"
      ref={ref}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
    >
      {children}
    </div>
  );
}

export function LoadMore({
  nextCursor,
  loading,
  onClick,
  what,
}: {
  nextCursor: string | null;
  loading: boolean;
  onClick: () => void;
  what: string;
}) {
  if (!nextCursor) return null;
  return (
    <button type="button" className="button button--secondary" onClick={onClick} disabled={loading}>
      {loading ? "Loading…" : "Load more"}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
}
