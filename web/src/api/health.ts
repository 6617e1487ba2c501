// Typed functions for partnership health: the health figures, one organisation's view, pressure events, report and export links.
import { query, request } from "./client.ts";
import type { Health, OrganisationHealth, Period, PressureEvent, PressureEventInput } from "./health-types.ts";

const enc = encodeURIComponent;
const p = (pid: string) => `/partnerships/${enc(pid)}`;
const events = (pid: string) => `${p(pid)}/pressure-events`;

export const healthApi = {
  health: (pid: string, period: Period) => request<Health>("GET", `${p(pid)}/health${query({ from: period.from, to: period.to })}`),
  organisation: (pid: string, orgId: string, period: Period) =>
    request<OrganisationHealth>("GET", `${p(pid)}/health/organisations/${enc(orgId)}${query({ from: period.from, to: period.to })}`),

  listPressureEvents: (pid: string) => request<{ items: PressureEvent[] }>("GET", events(pid)).then((r) => r.items),
  createPressureEvent: (pid: string, body: PressureEventInput) => request<PressureEvent>("POST", events(pid), body),
  updatePressureEvent: (pid: string, id: string, body: Partial<PressureEventInput>) => request<PressureEvent>("PATCH", `${events(pid)}/${enc(id)}`, body),
  removePressureEvent: (pid: string, id: string) => request<void>("DELETE", `${events(pid)}/${enc(id)}`),

  /** Plain links (cookie session) for the browser to open or download. */
  reportHtmlUrl: (pid: string, period: Period) => `/api/v1${p(pid)}/report.html${query({ from: period.from, to: period.to })}`,
  reportPdfUrl: (pid: string, period: Period) => `/api/v1${p(pid)}/report.pdf${query({ from: period.from, to: period.to })}`,
  exportJsonUrl: (pid: string) => `/api/v1${p(pid)}/export.json`,
  exportZipUrl: (pid: string) => `/api/v1${p(pid)}/export.zip`,
};
