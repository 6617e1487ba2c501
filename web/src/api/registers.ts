// Typed functions for the practice registers: metadata, entries, history, CSV, sign-ups, take-ups and the derived figures.
import { ApiError, query, request } from "./client.ts";
import type {
  Attention,
  EntryData,
  EntryQuery,
  EntryVersion,
  EntryView,
  Freshness,
  GoalProgress,
  KeptOnTime,
  Reciprocity,
  RegisterMeta,
  TimelineItem,
} from "./register-types.ts";
import type { Page, Problem } from "./types.ts";

const enc = encodeURIComponent;
const p = (pid: string) => `/partnerships/${enc(pid)}`;
const reg = (pid: string, key: string) => `${p(pid)}/registers/${enc(key)}`;
const entry = (pid: string, key: string, id: string) => `${reg(pid, key)}/${enc(id)}`;
/** Every write to an entry names the version it was made from; a newer stored version answers 412 (see isCrossedEdit). */
const ifMatch = (version: number) => ({ headers: { "if-match": `"${version}"` } });

/** Whether an error says someone else changed the entry after it was loaded, so nothing was saved. */
export function isCrossedEdit(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || (error.status === 409 && error.code === "conflict"));
}

let metaCache: Promise<RegisterMeta[]> | null = null;

/** The register catalogue; it never changes while the server runs, so it is fetched once per page load. */
function listRegisters(): Promise<RegisterMeta[]> {
  metaCache ??= request<{ items: RegisterMeta[] }>("GET", "/registers").then(
    (r) => r.items,
    (error: unknown) => {
      metaCache = null;
      throw error;
    },
  );
  return metaCache;
}

/** Posts a CSV file as text/csv (the JSON helper cannot); problem+json answers become ApiError. */
async function postCsv<T>(path: string, csv: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "text/csv" },
      body: csv,
    });
  } catch {
    throw new ApiError(0, { title: "Could not reach accord", detail: "Could not reach accord. Check your connection and try again." });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = body !== null && typeof body === "object" ? (body as Problem) : { title: response.statusText || "Something went wrong" };
    throw new ApiError(response.status, problem);
  }
  return body as T;
}

export const registersApi = {
  listRegisters,

  listEntries: (pid: string, key: string, q: EntryQuery, cursor?: string | null) =>
    request<Page<EntryView>>("GET", `${reg(pid, key)}${query({ ...q, cursor })}`),
  getEntry: (pid: string, key: string, id: string) => request<EntryView>("GET", entry(pid, key, id)),
  createEntry: (pid: string, key: string, body: EntryData) => request<EntryView>("POST", reg(pid, key), body),
  /** Changes the fields in `body` of the entry as it was at `version`. */
  updateEntry: (pid: string, key: string, id: string, version: number, body: EntryData) =>
    request<EntryView>("PATCH", entry(pid, key, id), body, ifMatch(version)),
  removeEntry: (pid: string, key: string, id: string, version: number) => request<void>("DELETE", entry(pid, key, id), undefined, ifMatch(version)),
  restoreEntry: (pid: string, key: string, id: string, version: number) => request<EntryView>("POST", `${entry(pid, key, id)}/restore`, {}, ifMatch(version)),
  history: (pid: string, key: string, id: string) =>
    request<{ items: EntryVersion[] }>("GET", `${entry(pid, key, id)}/history`).then((r) => r.items),

  /** A plain link (cookie session) for the browser to download: every entry not removed. */
  csvUrl: (pid: string, key: string) => `/api/v1${reg(pid, key)}.csv`,
  importCsv: (pid: string, key: string, csv: string) => postCsv<{ imported: number }>(`${reg(pid, key)}/import`, csv),

  signUp: (pid: string, id: string, version: number, organisationId: string) =>
    request<EntryView>("POST", `${entry(pid, "ways-of-working", id)}/sign-ups`, { organisationId }, ifMatch(version)),
  takeUp: (pid: string, id: string, version: number, organisationId: string) =>
    request<EntryView>("POST", `${entry(pid, "offers-asks", id)}/take-up`, { organisationId }, ifMatch(version)),

  keptOnTime: (pid: string) => request<KeptOnTime>("GET", `${p(pid)}/kept-on-time`),
  reciprocity: (pid: string) => request<Reciprocity>("GET", `${p(pid)}/reciprocity`),
  freshness: (pid: string) => request<Freshness>("GET", `${p(pid)}/intentions-freshness`),
  goalProgress: (pid: string) => request<GoalProgress>("GET", `${p(pid)}/goal-progress`),
  attention: (pid: string, soonDays = 14) => request<Attention>("GET", `${p(pid)}/attention${query({ soonDays })}`),
  timeline: (pid: string, filters: { register?: string; organisationId?: string }, cursor?: string | null) =>
    request<Page<TimelineItem>>("GET", `${p(pid)}/timeline${query({ ...filters, cursor })}`),
};
