// Hand-checked examples of the kept-on-time rate rules.
import { describe, expect, it } from "vitest";
import { type Commitment, isDue, keptOnTimeRate } from "./commitments.ts";

let n = 0;
const c = (over: Partial<Commitment>): Commitment => ({
  id: `c${++n}`,
  organisationId: "org-a",
  toOrganisationId: null,
  dueOn: "2024-03-01",
  outcome: "open",
  outcomeOn: null,
  renegotiatedDueOn: null,
  ...over,
});
const TODAY = "2024-04-01";

describe("keptOnTimeRate", () => {
  it("returns nothing for no commitments, and null rates for listed organisations", () => {
    expect(keptOnTimeRate([], TODAY)).toEqual([]);
    expect(keptOnTimeRate([], TODAY, ["org-z"])).toEqual([
      { organisationId: "org-z", total: 0, due: 0, keptOnTime: 0, keptLate: 0, broken: 0, renegotiated: 0, withdrawn: 0, open: 0, rate: null },
    ]);
  });

  it("counts kept on or before the due date as on time, after it as late", () => {
    const [row] = keptOnTimeRate(
      [
        c({ outcome: "kept", outcomeOn: "2024-03-01" }),
        c({ outcome: "kept", outcomeOn: "2024-02-15T10:00:00Z" }),
        c({ outcome: "kept", outcomeOn: "2024-03-02" }),
        c({ outcome: "broken", outcomeOn: "2024-03-05" }),
      ],
      TODAY,
    );
    expect(row).toMatchObject({ total: 4, due: 4, keptOnTime: 2, keptLate: 1, broken: 1, rate: 0.5 });
  });

  it("treats a kept commitment with no outcome date as not shown to be on time", () => {
    expect(keptOnTimeRate([c({ outcome: "kept" })], TODAY)[0]).toMatchObject({ due: 1, keptOnTime: 0, keptLate: 1, rate: 0 });
  });

  it("judges a renegotiated commitment kept by its new date as on time", () => {
    const kept = c({ outcome: "kept", dueOn: "2024-03-01", renegotiatedDueOn: "2024-03-20", outcomeOn: "2024-03-15" });
    expect(keptOnTimeRate([kept], TODAY)[0]).toMatchObject({ due: 1, keptOnTime: 1, rate: 1 });
    const late = c({ outcome: "kept", renegotiatedDueOn: "2024-03-20", outcomeOn: "2024-03-21" });
    expect(keptOnTimeRate([late], TODAY)[0]).toMatchObject({ keptOnTime: 0, keptLate: 1, rate: 0 });
  });

  it("counts a pending renegotiation as due only once its new date has passed", () => {
    const pending = c({ outcome: "renegotiated", dueOn: "2024-03-01", renegotiatedDueOn: "2024-05-01" });
    expect(keptOnTimeRate([pending], TODAY)[0]).toMatchObject({ total: 1, due: 0, renegotiated: 1, rate: null });
    const missed = c({ outcome: "renegotiated", dueOn: "2024-02-01", renegotiatedDueOn: "2024-03-01" });
    expect(keptOnTimeRate([missed], TODAY)[0]).toMatchObject({ due: 1, renegotiated: 1, rate: 0 });
  });

  it("excludes withdrawn commitments from due", () => {
    const rows = keptOnTimeRate([c({ outcome: "withdrawn", outcomeOn: "2024-02-01" }), c({ outcome: "kept", outcomeOn: "2024-02-01" })], TODAY);
    expect(rows[0]).toMatchObject({ total: 2, due: 1, withdrawn: 1, rate: 1 });
  });

  it("counts an open commitment as due only after its due date (not on it)", () => {
    expect(isDue(c({ dueOn: "2024-04-01" }), TODAY)).toBe(false);
    expect(isDue(c({ dueOn: "2024-03-31" }), TODAY)).toBe(true);
    expect(isDue(c({ dueOn: "2024-06-01" }), TODAY)).toBe(false);
    expect(keptOnTimeRate([c({ dueOn: "2024-03-31" }), c({ dueOn: "2024-06-01" })], TODAY)[0]).toMatchObject({ due: 1, open: 2, rate: 0 });
  });

  it("counts a commitment kept early, before its future due date, as due and on time", () => {
    const early = c({ dueOn: "2024-06-01", outcome: "kept", outcomeOn: "2024-03-10" });
    expect(keptOnTimeRate([early], TODAY)[0]).toMatchObject({ due: 1, keptOnTime: 1, rate: 1 });
  });

  it("groups by the promising organisation and sorts by id", () => {
    const rows = keptOnTimeRate(
      [c({ organisationId: "org-b", toOrganisationId: "org-a" }), c({ organisationId: "org-a", toOrganisationId: "org-b" })],
      TODAY,
    );
    expect(rows.map((r) => r.organisationId)).toEqual(["org-a", "org-b"]);
  });

  it("rejects a malformed today", () => {
    expect(() => keptOnTimeRate([], "01/04/2024")).toThrow(RangeError);
  });
});
