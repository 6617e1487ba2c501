// Links beside the health figures: the board report (HTML in a new tab, PDF) for the same period, and the convenor's data exports.
import type { Period } from "../api/health-types.ts";
import { healthApi } from "../api/health.ts";

export function HealthLinks({ partnershipId, period, isConvenor }: { partnershipId: string; period: Period; isConvenor: boolean }) {
  return (
    <ul className="health-links" aria-label="Reports and exports">
      <li>
        <a href={healthApi.reportHtmlUrl(partnershipId, period)} target="_blank" rel="noopener">
          Board report<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </li>
      <li>
        <a href={healthApi.reportPdfUrl(partnershipId, period)} download>
          Download PDF<span className="visually-hidden"> of the board report</span>
        </a>
      </li>
      {isConvenor ? (
        <>
          <li>
            <a href={healthApi.exportJsonUrl(partnershipId)} download>
              Export data (JSON)
            </a>
          </li>
          <li>
            <a href={healthApi.exportZipUrl(partnershipId)} download>
              Export data (zip of CSVs)
            </a>
          </li>
        </>
      ) : null}
    </ul>
  );
}
