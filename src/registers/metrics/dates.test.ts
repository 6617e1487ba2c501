// Hand-checked examples of the calendar-day helpers.
import { describe, expect, it } from "vitest";
import { dayNumber, daysBetween, isoDay } from "./dates.ts";

describe("dates", () => {
  it("reads dates and timestamps as the calendar day written", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2024-03-01T23:59:00+05:00")).toBe(dayNumber("2024-03-01"));
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(isoDay(dayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(daysBetween("0050-06-01", "0050-06-03")).toBe(2);
    expect(dayNumber("0001-01-01")).toBeLessThan(dayNumber("1900-01-01"));
  });

  it("rejects malformed and impossible dates", () => {
    for (const bad of ["", "2024-3-1", "2024-02-30", "2024-13-01", "2024-03-01x"]) expect(() => dayNumber(bad)).toThrow(RangeError);
  });
});
