// Display helpers for survey waves: status names and date ranges.
import type { WaveStatus } from "../api/survey-types.ts";
import { formatDay } from "../format.ts";

export const WAVE_STATUS_LABELS: Record<WaveStatus, string> = {
  draft: "Draft",
  open: "Open",
  closed: "Closed",
  published: "Results published",
};

export function waveDates(wave: { opensOn: string; closesOn: string }): string {
  return `${formatDay(wave.opensOn)} to ${formatDay(wave.closesOn)}`;
}

export const wavePath = (partnershipId: string, waveId?: string) =>
  `/partnerships/${encodeURIComponent(partnershipId)}/waves${waveId ? `/${encodeURIComponent(waveId)}` : ""}`;
