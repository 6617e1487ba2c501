// "Explore a demo partnership": creates a partnership of invented organisations and people, then opens it.
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { ActionError } from "./Feedback.tsx";
import { describeError } from "./useFormErrors.ts";

const EXPLANATION =
  "The demo partnership contains invented organisations and people, so you can look around safely; you can remove it later.";

/** `prominent` when the user has no partnerships yet; otherwise a smaller, secondary offer. */
export function DemoOffer({ prominent }: { prominent: boolean }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function explore() {
    setBusy(true);
    setError(null);
    try {
      const demo = await api.createDemo();
      navigate(`/partnerships/${encodeURIComponent(demo.id)}`);
    } catch (e) {
      setBusy(false);
      setError(`Could not create the demo partnership. ${describeError(e)}`);
    }
  }

  const button = (
    <button
      type="button"
      className={prominent ? "button button--secondary" : "button button--secondary button--small"}
      disabled={busy}
      aria-describedby="demo-explanation"
      onClick={() => void explore()}
    >
      {busy ? "Creating the demo…" : "Explore a demo partnership"}
    </button>
  );

  return (
    <section aria-labelledby="demo-heading" className="section">
      <h2 className={prominent ? "heading-m" : "heading-s"} id="demo-heading">
        {prominent ? "Not ready to set one up?" : "Try things out"}
      </h2>
      <ActionError message={error} />
      <p className="body" id="demo-explanation">
        {EXPLANATION}
      </p>
      {button}
    </section>
  );
}
