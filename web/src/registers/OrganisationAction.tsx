// A button acting for one organisation ("Sign up for Eastvale Council"), or a choice of organisation and a button when there are several.
import { useState } from "react";
import type { Organisation } from "../api/types.ts";
import { Select } from "../components/fields.tsx";

interface Props {
  id: string;
  /** Organisations that may act (already filtered). */
  organisations: Organisation[];
  /** Button text for one organisation, e.g. (name) => `Sign up for ${name}`. */
  labelFor: (name: string) => string;
  /** Button text when an organisation is chosen from a list. */
  label: string;
  onAct: (organisationId: string) => Promise<void>;
}

export function OrganisationAction({ id, organisations, labelFor, label, onAct }: Props) {
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  async function act(organisationId: string) {
    if (!organisationId) {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onAct(organisationId);
    } finally {
      setBusy(false);
    }
  }

  if (organisations.length === 0) return null;
  if (organisations.length === 1) {
    const only = organisations[0] as Organisation;
    return (
      <button type="button" className="button" disabled={busy} onClick={() => void act(only.id)}>
        {busy ? "Saving…" : labelFor(only.name)}
      </button>
    );
  }
  return (
    <div className="register-act">
      <Select
        id={id}
        label="Organisation"
        value={chosen}
        onChange={(v) => {
          setChosen(v);
          setMissing(false);
        }}
        placeholder="Choose an organisation"
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={missing ? "Choose the organisation to act for" : undefined}
      />
      <button type="button" className="button" disabled={busy} onClick={() => void act(chosen)}>
        {busy ? "Saving…" : label}
      </button>
    </div>
  );
}
