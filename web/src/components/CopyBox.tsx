// A read-only text box with a "Copy" button, for invitation links and new API tokens.
import { useId, useRef, useState } from "react";

interface Props {
  label: string;
  value: string;
  id?: string;
}

export function CopyBox({ label, value, id }: Props) {
  const autoId = useId();
  const inputId = id ?? `copy-${autoId}`;
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    const el = input.current;
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied");
    } catch {
      // Clipboard API unavailable (e.g. not a secure context): select the text instead.
      el?.focus();
      el?.select();
      setStatus("Selected – press Ctrl+C (or ⌘+C) to copy");
    }
  }

  return (
    <div className="form-group copy-box">
      <label className="label" htmlFor={inputId}>
        {label}
      </label>
      <div className="copy-box__row">
        <input
          ref={input}
          className="input copy-box__input"
          id={inputId}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="hint copy-box__status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
