// Hand-checked examples of the goal progress roll-up.
import { describe, expect, it } from "vitest";
import { type Win, goalProgress } from "./goals.ts";

const win = (id: string, goalIds: string[], weight?: number): Win => ({ id, goalIds, achievedOn: "2024-01-01", ...(weight === undefined ? {} : { weight }) });

describe("goalProgress", () => {
  it("is empty for no goals and zero for goals without wins", () => {
    expect(goalProgress([], [win("w", ["g"])])).toEqual([]);
    expect(goalProgress([{ id: "g" }], [])).toEqual([{ goalId: "g", wins: 0, weightedWins: 0, progress: 0 }]);
  });

  it("counts a win linked to two goals for each, with default target 5 and weight 1", () => {
    const rows = goalProgress([{ id: "g1" }, { id: "g2", target: 2 }], [win("w1", ["g1", "g2"]), win("w2", ["g2"], 3)]);
    expect(rows).toEqual([
      { goalId: "g1", wins: 1, weightedWins: 1, progress: 0.2 },
      { goalId: "g2", wins: 2, weightedWins: 4, progress: 1 },
    ]);
  });

  it("counts a goal repeated in one win once and ignores unknown goals", () => {
    expect(goalProgress([{ id: "g", target: 4 }], [win("w", ["g", "g", "x"])])).toEqual([{ goalId: "g", wins: 1, weightedWins: 1, progress: 0.25 }]);
  });

  it("treats negative or non-finite weights as 0 and a non-positive target as done", () => {
    expect(goalProgress([{ id: "g" }], [win("w1", ["g"], -2), win("w2", ["g"], Number.NaN)])[0]).toMatchObject({ wins: 2, weightedWins: 0, progress: 0 });
    expect(goalProgress([{ id: "g", target: 0 }], [])[0]?.progress).toBe(1);
  });
});
