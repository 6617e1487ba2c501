// The programme's join code: shown once when made, with a copy box; leads can make a new one, which stops the old one working.
import { useEffect, useRef, useState } from "react";
import { programmeApi } from "../api/programmes.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError } from "../components/Feedback.tsx";
import { CopyBox } from "../components/CopyBox.tsx";
import { describeError } from "../components/useFormErrors.ts";

/** The code with how to pass it on; shown straight after it was made (it cannot be shown again). */
export function JoinCodeBox({ code, programmeName }: { code: string; programmeName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [code]);
  return (
    <div className="banner banner--success programme-code" role="region" aria-label="New join code" tabIndex={-1} ref={ref}>
      <p className="banner__title">The join code for {programmeName}</p>
      <CopyBox label="Join code" value={code} id="programme-join-code" />
      <p className="body">
        Send it to the convenors of the partnerships you want in the programme. This is the only time it is shown; if it is lost, make a new one.
      </p>
    </div>
  );
}

export function NewJoinCode({ programmeId, programmeName }: { programmeId: string; programmeName: string }) {
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="programme-section" aria-labelledby="join-code-heading">
      <h2 className="heading-m" id="join-code-heading">
        Join code
      </h2>
      <p className="body">
        Convenors enter the join code on their partnership’s Programmes tab to start sharing. Codes are kept scrambled, so an old one cannot be shown again. A new code
        stops the old one working; partnerships already sharing keep sharing.
      </p>
      <ActionError message={error} />
      {code ? <JoinCodeBox code={code} programmeName={programmeName} /> : null}
      {/* Keyed by the code, so the confirmation starts afresh and does not pull focus back from the new code. */}
      <ConfirmButton
        key={code ?? "none"}
        label="Make a new join code"
        subject=""
        question="Make a new join code?"
        detail="The current code will stop working."
        confirmLabel="Yes, make a new code"
        tone="primary"
        onConfirm={async () => {
          setError(null);
          try {
            setCode((await programmeApi.newJoinCode(programmeId)).joinCode);
          } catch (e) {
            setError(describeError(e));
          }
        }}
      />
    </section>
  );
}
