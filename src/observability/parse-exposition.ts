/** For tests: reads Prometheus's text exposition format strictly (every sample under a declared family, well-formed labels and values). */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"$/;

function splitLabels(body: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "\\" && quoted) {
      current += ch + (body[++i] ?? "");
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** Throws on the first line that is not valid; returns every sample. */
export function parseExposition(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line === "") continue;
    if (line.startsWith("#")) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!m || !NAME.test(m[2]!)) throw new Error(`line ${i + 1}: bad comment: ${line}`);
      if (m[1] === "TYPE") {
        if (!["counter", "gauge", "histogram", "summary", "untyped"].includes(m[3]!)) throw new Error(`line ${i + 1}: bad type: ${line}`);
        types.set(m[2]!, m[3]!);
      }
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`line ${i + 1}: bad sample: ${line}`);
    const name = m[1]!;
    const family = [name, name.replace(/_(bucket|sum|count|total|created)$/, "")].find((n) => types.has(n));
    if (!family) throw new Error(`line ${i + 1}: ${name} has no # TYPE line`);
    const labels: Record<string, string> = {};
    for (const part of splitLabels(m[2] ?? "")) {
      const l = LABEL.exec(part);
      if (!l) throw new Error(`line ${i + 1}: bad label ${part}`);
      labels[l[1]!] = l[2]!;
    }
    // Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes an event-loop
    // lag not yet measured as "Nan").
    const raw = m[3]!;
    const lower = raw.toLowerCase();
    const value = lower === "+inf" || lower === "inf" ? Infinity : lower === "-inf" ? -Infinity : lower === "nan" ? NaN : Number(raw);
    if (Number.isNaN(value) && lower !== "nan") throw new Error(`line ${i + 1}: bad value ${raw}`);
    samples.push({ name, labels, value });
  }
  return samples;
}

/** The value of the one sample with this name whose labels include `labels`, or undefined. */
export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
