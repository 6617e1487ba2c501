// Hand-checked examples of intentions freshness bands.
import { describe, expect, it } from "vitest";
import { freshnessBand, intentionsFreshness } from "./freshness.ts";

describe("intentionsFreshness", () => {
  it("is empty with nothing given", () => {
    expect(intentionsFreshness([], "2024-06-30")).toEqual([]);
  });

  it("bands at 90 and 180 days inclusive", () => {
    expect([0, 90, 91, 180, 181].map(freshnessBand)).toEqual(["current", "current", "ageing", "ageing", "stale"]);
  });

  it("takes each organisation's latest statement, and marks listed organisations without one as none", () => {
    const rows = intentionsFreshness(
      [
        { organisationId: "b", statedOn: "2024-01-01" },
        { organisationId: "b", statedOn: "2024-04-01T09:30:00Z" },
        { organisationId: "a", statedOn: "2023-12-01" },
        { organisationId: "c", statedOn: "2024-01-01" },
      ],
      "2024-06-30",
      ["d", "a"],
    );
    expect(rows).toEqual([
      { organisationId: "a", latestStatedOn: "2023-12-01", ageDays: 212, band: "stale" },
      { organisationId: "b", latestStatedOn: "2024-04-01T09:30:00Z", ageDays: 90, band: "current" },
      { organisationId: "c", latestStatedOn: "2024-01-01", ageDays: 181, band: "stale" },
      { organisationId: "d", latestStatedOn: null, ageDays: null, band: "none" },
    ]);
  });

  it("ignores statements dated after today", () => {
    const rows = intentionsFreshness(
      [
        { organisationId: "a", statedOn: "2024-03-01" },
        { organisationId: "a", statedOn: "2024-09-01" },
        { organisationId: "b", statedOn: "2024-09-01" },
      ],
      "2024-06-30",
    );
    expect(rows).toEqual([
      { organisationId: "a", latestStatedOn: "2024-03-01", ageDays: 121, band: "ageing" },
      { organisationId: "b", latestStatedOn: null, ageDays: null, band: "none" },
    ]);
  });
});
