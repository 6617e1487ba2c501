// The fingerprint stored figures carry covers the code that decides them and changes with any of it.
import { describe, expect, it } from "vitest";
import { figureCodeFiles, figuresCode, fingerprint } from "./figures-code.ts";

describe("the figure code fingerprint", () => {
  it("covers the release rules, statistics, instruments, results code and sector labels, without tests", () => {
    const files = figureCodeFiles();
    for (const f of ["anonymity/core.ts", "anonymity/figures.ts", "anonymity/groups.ts", "anonymity/free-text.ts", "stats/descriptive.ts", "stats/student-t.ts", "surveys/instruments/accord-trust.ts", "surveys/instruments/registry.ts", "surveys/results/compute-results.ts", "surveys/results/compute-figures.ts", "surveys/results/scoring.ts", "partnerships/sectors.ts"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith(".test.ts"))).toEqual([]);
    expect(figuresCode()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any file's contents or name", () => {
    const base = [{ path: "a.ts", text: "export const x = 1;" }, { path: "b.ts", text: "" }];
    const same = fingerprint(base);
    expect(fingerprint(base.map((f) => ({ ...f })))).toBe(same);
    expect(fingerprint([{ path: "a.ts", text: "export const x = 2;" }, base[1]!])).not.toBe(same);
    expect(fingerprint([base[0]!, { path: "c.ts", text: "" }])).not.toBe(same);
    expect(fingerprint([{ path: "a.ts", text: "export const x = 1;b.ts" }, { path: "", text: "" }])).not.toBe(same);
  });
});
