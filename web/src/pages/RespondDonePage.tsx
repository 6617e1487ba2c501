// /respond/:linkToken/done – the confirmation once the answers are stored.
import { Navigate } from "react-router";
import { formatDay } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { useRespond } from "./RespondLayout.tsx";

export function RespondDonePage() {
  const { token, info, submitted } = useRespond();
  useTitle(`Your answers are in – ${info.waveName}`);
  if (!submitted) return <Navigate to={`/respond/${encodeURIComponent(token)}`} replace />;
  return (
    <div className="two-thirds">
      <div className="panel">
        <h1 className="panel__title">Your answers are in. Thank you.</h1>
        <p className="panel__body">
          {info.waveName} – {info.partnershipName}
        </p>
      </div>
      <h2 className="heading-m">What happens next</h2>
      <p className="body">
        The survey closes on {formatDay(info.closesOn)}. After that, the convenor publishes the results to the
        partnership. They show only groups of at least {info.k} people, and nobody can tell which answers were yours.
      </p>
      <p className="body">Your answers have been cleared from this browser. You can close this tab.</p>
    </div>
  );
}
