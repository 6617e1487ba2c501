// Hand-checked examples of the give/take balance between organisations.
import { describe, expect, it } from "vitest";
import { type OfferOrAsk, balanceBetween, giving, reciprocityBalance } from "./reciprocity.ts";

let n = 0;
const item = (over: Partial<OfferOrAsk>): OfferOrAsk => ({
  id: `i${++n}`,
  kind: "offer",
  fromOrganisationId: "a",
  takenUpByOrganisationId: "b",
  status: "delivered",
  ...over,
});

describe("reciprocityBalance", () => {
  it("is empty for no items", () => {
    expect(reciprocityBalance([])).toEqual({ pairs: [], organisations: [] });
  });

  it("an offer is given by its maker; an ask by whoever took it up", () => {
    expect(giving(item({ kind: "offer", fromOrganisationId: "a", takenUpByOrganisationId: "b" }))).toEqual({ giver: "a", receiver: "b" });
    expect(giving(item({ kind: "ask", fromOrganisationId: "a", takenUpByOrganisationId: "b" }))).toEqual({ giver: "b", receiver: "a" });
  });

  it("counts only delivered items with a taker other than the maker", () => {
    const statuses = ["open", "taken_up", "not_delivered", "withdrawn"] as const;
    const ignored = [
      ...statuses.map((status) => item({ status })),
      item({ takenUpByOrganisationId: null }),
      item({ takenUpByOrganisationId: "a" }),
    ];
    expect(reciprocityBalance(ignored)).toEqual({ pairs: [], organisations: [] });
  });

  it("balances an unbalanced pair, orienting it by id", () => {
    const r = reciprocityBalance([
      item({ kind: "offer", fromOrganisationId: "z", takenUpByOrganisationId: "m" }),
      item({ kind: "ask", fromOrganisationId: "m", takenUpByOrganisationId: "z" }),
      item({ kind: "offer", fromOrganisationId: "m", takenUpByOrganisationId: "z" }),
      item({ kind: "offer", fromOrganisationId: "a", takenUpByOrganisationId: "z" }),
    ]);
    expect(r.pairs).toEqual([
      { a: "a", b: "z", aGaveToB: 1, bGaveToA: 0, balance: 1 },
      { a: "m", b: "z", aGaveToB: 1, bGaveToA: 2, balance: -1 },
    ]);
    expect(r.organisations).toEqual([
      { organisationId: "a", gave: 1, received: 0 },
      { organisationId: "m", gave: 1, received: 2 },
      { organisationId: "z", gave: 2, received: 2 },
    ]);
    expect(balanceBetween(r, "z", "m")).toBe(1);
    expect(balanceBetween(r, "m", "z")).toBe(-1);
    expect(balanceBetween(r, "a", "m")).toBe(0);
  });

  it("lists organisations given with zero counts", () => {
    expect(reciprocityBalance([], ["q"]).organisations).toEqual([{ organisationId: "q", gave: 0, received: 0 }]);
  });
});
