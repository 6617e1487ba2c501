/** The partnership export as a zip of CSVs (fflate): one file per table, each register and each published wave's results, a README; byte-for-byte deterministic. */
import { strToU8, zipSync, type Zippable } from "fflate";
import { networkView } from "../network/network-views.ts";
import type { WaveNetworkData } from "../network/get-network.ts";
import { organisationsCsv as networkOrganisationsCsv, tiesCsv as networkTiesCsv } from "../network/network-exports.ts";
import { REGISTERS } from "../registers/definitions/index.ts";
import { csvLine, encodeField, type Lookup } from "../registers/csv-codec.ts";
import type { EntryData } from "../registers/fields.ts";
import { REGISTER_KEYS } from "../registers/keys.ts";
import type { WaveResults } from "../surveys/results/compute-results.ts";
import { resultsToCsv } from "../surveys/results/results-csv.ts";
import { columnsOf, type ExportDocument, type TableName } from "./export-schema.ts";

/** Zip entries carry this local time (DOS time has no zone), so the archive's bytes never depend on when or where it was made. */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

const TABLE_FILES: [TableName, string, string][] = [
  ["users", "users.csv", "accounts the partnership's rows refer to (no passwords, sessions or tokens)"],
  ["organisations", "organisations.csv", "member organisations, removed ones included (deleted_at)"],
  ["people", "people.csv", "people and their roles (user_id points into users.csv)"],
  ["waves", "waves.csv", "survey waves: dates, status, k, instrument, network mode"],
  ["wave_nominees", "wave_nominees.csv", "who answered for each organisation in organisational-mode network waves"],
  ["register_entries", "register_entries.csv", "every register entry as stored (fields as JSON in `data`)"],
  ["register_versions", "register_versions.csv", "every state each entry has had: the activity history"],
  ["pressure_events", "pressure_events.csv", "pressure events recorded on the timeline"],
  ["audit_log", "audit_log.csv", "the partnership's audit log"],
];

/** One table as CSV: the export's columns, JSON columns as JSON text, formula-like cells guarded with an apostrophe. */
function tableCsv(doc: ExportDocument, table: TableName | "partnership"): string {
  const cols = columnsOf(table);
  const rows = (table === "partnership" ? [doc.partnership] : doc[table]) as Record<string, unknown>[];
  let out = csvLine(cols);
  for (const r of rows) out += csvLine(cols.map((c) => { const v = r[c]; return v !== null && typeof v === "object" ? JSON.stringify(v) : (v as string | number | null); }));
  return out;
}

/** One register's entries as its own CSV download names them (organisations and linked entries by name, people by email), removed ones included. */
function registerCsv(doc: ExportDocument, key: (typeof REGISTER_KEYS)[number]): string {
  const def = REGISTERS[key];
  const emails = new Map(doc.users.map((u) => [u.id, u.email]));
  const names: Lookup = {
    organisations: new Map(doc.organisations.map((o) => [o.id, o.name])),
    people: new Map(doc.people.map((p) => [p.id, p.email ?? (p.user_id === null ? undefined : emails.get(p.user_id)) ?? p.id])),
    entries: new Map(doc.register_entries.map((e) => [e.id, e.title])),
  };
  const signUps = key === "ways-of-working";
  let out = csvLine(["id", ...def.fields.map((f) => f.name), ...(signUps ? ["signed_up_by"] : []), "status", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at"]);
  for (const e of doc.register_entries.filter((x) => x.register === key)) {
    const stored = e.data as { fields?: EntryData; signUps?: { organisationId: string }[] };
    const fields = stored.fields ?? {};
    const signed = signUps ? [(stored.signUps ?? []).map((s) => names.organisations.get(s.organisationId) ?? s.organisationId).join("; ")] : [];
    out += csvLine([e.id, ...def.fields.map((f) => encodeField(f, fields[f.name] ?? null, names)), ...signed, e.status, e.version, e.created_at, emails.get(e.created_by) ?? e.created_by, e.updated_at, emails.get(e.updated_by) ?? e.updated_by, e.deleted_at]);
  }
  return out;
}

const slug = (s: string) => s.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60) || "wave";

function readme(doc: ExportDocument, waveFiles: string[]): string {
  const lines = [
    `accord partnership export: ${doc.partnership.name}`,
    "",
    "The same data as the JSON export, as spreadsheets. To restore a partnership into another accord, use the JSON export",
    "with `accord import --in <file>`; these CSVs are for reading.",
    "",
    ...doc.notes.map((n) => `- ${n}`),
    "",
    "Cells that a spreadsheet would read as a formula (starting with = + - @ or a tab) begin with an apostrophe.",
    "Times are UTC (ISO 8601). Columns are named as in the database; `data` and `detail` hold JSON.",
    "",
    "Files:",
    "  partnership.csv - the partnership itself",
    ...TABLE_FILES.map(([, file, what]) => `  ${file} - ${what}`),
    "  registers/<register>.csv - each register's entries, named as the register's own CSV download names them, with status and deleted_at",
    ...(waveFiles.length
      ? [
          "  results/<n>-<wave>-<breakdown>.csv - each published wave's released results: whole partnership (all), by organisation, by sector;",
          "    suppressed figures say so and are never 0",
          "  network/<n>-<wave>-ties.csv and -organisations.csv - each published network wave's released ties and measures",
          "",
          "Published waves:",
          ...waveFiles.map((w) => `  ${w}`),
        ]
      : []),
    "",
  ];
  return lines.join("\r\n");
}

/** The zip bytes for an export document. */
export function exportZip(doc: ExportDocument): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, text: string) => {
    files[name] = strToU8(text);
  };
  const published = doc.published;
  const waveOrder = [...new Set(published.map((p) => p.wave_id))];
  const waveName = new Map(doc.waves.map((w) => [w.id, w.name]));
  const prefixes = new Map(waveOrder.map((id, i) => [id, `${String(i + 1).padStart(2, "0")}-${slug(waveName.get(id) ?? id)}`]));
  put("README.txt", readme(doc, waveOrder.map((id) => `${prefixes.get(id)}: ${waveName.get(id) ?? id} (${id})`)));
  put("partnership.csv", tableCsv(doc, "partnership"));
  for (const [table, file] of TABLE_FILES) put(file, tableCsv(doc, table));
  for (const key of REGISTER_KEYS) put(`registers/${key}.csv`, registerCsv(doc, key));
  for (const p of published) {
    const prefix = prefixes.get(p.wave_id)!;
    if (p.kind.startsWith("results:")) {
      const breakdown = p.kind.slice("results:".length);
      put(`results/${prefix}-${breakdown === "none" ? "all" : breakdown}.csv`, resultsToCsv(p.data as WaveResults));
    } else if (p.kind === "network") {
      const view = networkView(p.data as WaveNetworkData, "overall", "convenor");
      put(`network/${prefix}-ties.csv`, networkTiesCsv(view));
      put(`network/${prefix}-organisations.csv`, networkOrganisationsCsv(view));
    }
  }
  return zipSync(files, { level: 6, mtime: FIXED_TIME });
}
