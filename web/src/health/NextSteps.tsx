// Suggested next steps: a short list, each linked to the register where it can be done.
import { Link } from "react-router";
import type { Health } from "../api/health-types.ts";
import { REGISTER_LABELS, registerPath } from "./health-format.ts";

export function NextSteps({ health, partnershipId }: { health: Health; partnershipId: string }) {
  if (health.nextSteps.length === 0) return <p className="body">Nothing stands out as weak in this period.</p>;
  return (
    <ol className="list list--number health-steps">
      {health.nextSteps.map((s, i) => (
        <li key={i}>
          {s.text}{" "}
          <Link to={registerPath(partnershipId, s.register)}>
            Go to {REGISTER_LABELS[s.register] ?? s.register}
            <span className="visually-hidden"> for: {s.text}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
