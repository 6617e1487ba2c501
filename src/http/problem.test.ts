// Unit tests for listing problems: at most MAX_LISTED_PROBLEMS, then a count placed at the first one left out; long paths and messages clipped whole characters.
import { describe, expect, it } from "vitest";
import { MAX_LISTED_PROBLEMS, capProblems, clip } from "./problem.ts";

const problems = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `line ${i + 2}`, message: `Problem ${i + 1}.` }));

describe("capProblems", () => {
  it("lists up to the limit as they are", () => {
    expect(capProblems(problems(MAX_LISTED_PROBLEMS))).toEqual(problems(MAX_LISTED_PROBLEMS));
  });

  it("lists the first ones and counts the rest at the first one left out", () => {
    const out = capProblems(problems(100_000));
    expect(out).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(out.slice(0, MAX_LISTED_PROBLEMS)).toEqual(problems(MAX_LISTED_PROBLEMS));
    expect(out.at(-1)).toEqual({ path: `line ${MAX_LISTED_PROBLEMS + 2}`, message: "…and 99,980 more problems from here on, not listed; fix the ones above and try again." });
    expect(capProblems(problems(MAX_LISTED_PROBLEMS + 1)).at(-1)!.message).toMatch(/^…and 1 more problem from here on/);
  });

  it("clips a huge path or message (an unknown column a megabyte long) without splitting a character", () => {
    const [one] = capProblems([{ path: "x".repeat(10_000), message: `Unknown column “${"😀".repeat(5000)}”.` }]);
    expect(one!.path.length).toBeLessThan(300);
    expect(one!.message.length).toBeLessThan(1100);
    expect(one!.message.isWellFormed()).toBe(true);
    expect(clip("ab😀", 3)).toBe("ab… (2 more characters)");
    expect(clip("short", 10)).toBe("short");
  });
});
