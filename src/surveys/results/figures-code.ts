/** A fingerprint of the code that decides published figures: stored figures carry it, so a release that may compute them differently computes them again. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Everything under `src` that decides a figure's value or wording: the release rules, the statistics,
 * the instruments (items, labels, construct tags), the results and comparison code, the sector labels.
 * Tests are left out. Any change to these files, even a comment, recomputes stored figures lazily.
 */
export const FIGURE_CODE = ["anonymity", "stats", "surveys/instruments", "surveys/results/compute-results.ts", "surveys/results/compute-figures.ts", "surveys/results/scoring.ts", "partnerships/sectors.ts"];

/** The source files `FIGURE_CODE` names, relative to `src`, sorted. */
export function figureCodeFiles(root = SRC): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (fs.statSync(abs).isDirectory()) for (const name of fs.readdirSync(abs)) visit(path.posix.join(rel, name));
    else if (rel.endsWith(".ts") && !rel.endsWith(".test.ts")) out.push(rel);
  };
  for (const rel of FIGURE_CODE) visit(rel);
  return out.sort();
}

/** SHA-256 over each file's path and contents. */
export function fingerprint(files: ReadonlyArray<{ path: string; text: string }>): string {
  const h = createHash("sha256");
  for (const f of files) h.update(`${f.path}\0${f.text.length}\0${f.text}\0`);
  return h.digest("hex");
}

let current: string | undefined;

/** This process's fingerprint of the figure code (read once). */
export function figuresCode(): string {
  current ??= fingerprint(figureCodeFiles().map((rel) => ({ path: rel, text: fs.readFileSync(path.join(SRC, rel), "utf8") })));
  return current;
}
