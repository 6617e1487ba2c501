/** Aggregate-only CSV of a wave's released results (pure). There is deliberately no row-level export. */
import type { WaveResults } from "./compute-results.ts";

const HEADER = ["group", "group_label", "kind", "section", "item_or_score", "text", "option", "count", "percent", "n", "mean", "ci_lower", "ci_upper", "band", "status"];

/** RFC 4180 quoting, and a leading apostrophe where a spreadsheet would read a formula. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsToCsv(results: WaveResults): string {
  const lines: string[][] = [HEADER];
  const labels = new Map(results.groups.map((g) => [g.key, g.label]));
  for (const q of results.questions) {
    for (const [group, f] of Object.entries(q.figures)) {
      const base = [group, labels.get(group) ?? group, "question", q.sectionTitle, q.itemKey, q.text];
      if (f.status === "released") {
        for (const o of f.options) lines.push([...base, o.label, String(o.count), o.percent === null ? "" : String(o.percent), String(f.n), "", "", "", "", "released"]);
        if (f.mean !== null) lines.push([...base, "(mean)", "", "", String(f.n), f.mean.toFixed(3), f.lower?.toFixed(3) ?? "", f.upper?.toFixed(3) ?? "", "", "released"]);
      } else if (f.status === "coarse") lines.push([...base, "", "", "", String(f.n), "", "", "", f.band ?? "", "coarse"]);
      else lines.push([...base, "", "", "", "", "", "", "", "", "suppressed"]);
    }
  }
  for (const s of results.scores) {
    for (const [group, f] of Object.entries(s.figures)) {
      const base = [group, labels.get(group) ?? group, "score", "", `${s.level}:${s.dimension}`, ""];
      if (f.status === "released") lines.push([...base, "", "", "", String(f.n), f.mean.toFixed(3), f.lower?.toFixed(3) ?? "", f.upper?.toFixed(3) ?? "", f.band ?? "", "released"]);
      else if (f.status === "coarse") lines.push([...base, "", "", "", String(f.n), "", "", "", f.band ?? "", "coarse"]);
      else lines.push([...base, "", "", "", "", "", "", "", "", "suppressed"]);
    }
  }
  return lines.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
