// Hand-checked examples of the "what needs attention" lists.
import { describe, expect, it } from "vitest";
import { type AttentionItem, needsAttention } from "./attention.ts";

const it_ = (id: string, dueOn: string, done = false, kind: AttentionItem["kind"] = "action"): AttentionItem => ({ kind, id, dueOn, done });
const TODAY = "2024-05-10";

describe("needsAttention", () => {
  it("is empty for no items", () => {
    expect(needsAttention([], TODAY)).toEqual({ overdue: [], dueSoon: [] });
  });

  it("splits overdue (before today) from due soon (today to today + 14), skipping done and far-future items", () => {
    const r = needsAttention(
      [
        it_("b", "2024-05-01"),
        it_("a", "2024-05-01", false, "decision_review"),
        it_("c", "2024-04-01"),
        it_("done", "2024-04-01", true),
        it_("today", TODAY, false, "commitment"),
        it_("edge", "2024-05-24", false, "procedure_review"),
        it_("later", "2024-05-25"),
        it_("future-done", "2024-05-12", true),
      ],
      TODAY,
    );
    expect(r.overdue.map((e) => [e.item.id, e.days])).toEqual([["c", 39], ["a", 9], ["b", 9]]);
    expect(r.dueSoon.map((e) => [e.item.id, e.days])).toEqual([["today", 0], ["edge", 14]]);
  });

  it("honours a custom window, and breaks id ties by kind", () => {
    const r = needsAttention([it_("x", "2024-05-12", false, "commitment"), it_("x", "2024-05-12", false, "action"), it_("y", "2024-05-13")], TODAY, 2);
    expect(r.dueSoon.map((e) => e.item.kind + ":" + e.item.id)).toEqual(["action:x", "commitment:x"]);
  });

  it("rejects a negative window", () => {
    expect(() => needsAttention([], TODAY, -1)).toThrow(RangeError);
  });
});
