// A "Remove" button that asks "Are you sure?" inline before doing anything.
import { useEffect, useRef, useState } from "react";

interface Props {
  /** Visible text of the first button, e.g. "Remove". */
  label: string;
  /** What is being acted on, for screen readers, e.g. "Jane Smith". */
  subject: string;
  /** The question asked, e.g. "Remove Jane Smith?" */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  /** "warning" (default): a red link that removes something; "primary": a green button that moves something on. */
  tone?: "warning" | "primary";
  /** Extra words under the question, e.g. what cannot be undone. */
  detail?: string;
}

export function ConfirmButton({ label, subject, question, confirmLabel, onConfirm, tone = "warning", detail }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className={tone === "primary" ? "button" : "link-button link-button--warning"}
        ref={startRef}
        onClick={() => setAsking(true)}
      >
        {label}
        <span className="visually-hidden"> {subject}</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      {detail ? <span className="confirm__detail">{detail}</span> : null}
      <button
        type="button"
        className={tone === "primary" ? "button button--small" : "button button--warning button--small"}
        ref={confirmRef}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onConfirm().finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {busy ? "Working…" : confirmLabel}
      </button>
      <button type="button" className="link-button" onClick={() => setAsking(false)} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
