// A convenor's form to share the partnership's published figures with a programme, by the join code its lead sent.
import { useState, type FormEvent } from "react";
import type { Shared } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors } from "../components/useFormErrors.ts";
import { checkRequired } from "../validation.ts";
import { WhatIsShared } from "./SharingWords.tsx";

const FIELDS = { joinCode: "share-join-code" };

export function ShareForm({ partnershipId, onShared }: { partnershipId: string; onShared: (shared: Shared) => void }) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkRequired(code, "Enter the join code the programme’s lead sent you");
    errors.show(problem ? [{ field: "joinCode", message: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      const shared = await programmeApi.share(partnershipId, code.trim());
      setCode("");
      onShared(shared);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="programme-section" aria-labelledby="share-heading">
      <h3 className="heading-m" id="share-heading">
        Share with a programme
      </h3>
      <WhatIsShared />
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.joinCode}
          label="Join code"
          hint="The code the programme’s lead sent you"
          value={code}
          onChange={setCode}
          error={errors.of("joinCode")}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Sharing…" : "Agree to share"}
        </button>
      </form>
    </section>
  );
}
