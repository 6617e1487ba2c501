// The common-password and own-email checks: list entries and their padded forms are refused, unrelated passphrases are not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommonPassword, isMadeOfEmail } from "./common-passwords.ts";
import { PasswordSchema } from "./passwords.ts";

describe("common passwords", () => {
  it("refuses list entries whatever their case and with digits or symbols added at the ends", () => {
    for (const p of ["qwertyuiop", "1234567890", "Password123", "password2024!", "!!Basketball99", "MANCHESTER"]) expect(isCommonPassword(p), p).toBe(true);
  });
  it("accepts passphrases that are not on the list", () => {
    for (const p of ["a long test password", "violet kettle harbour", "correct-staple-battery-7"]) expect(isCommonPassword(p), p).toBe(false);
  });
  it("PasswordSchema says why a common password is refused", () => {
    const r = PasswordSchema.safeParse("password1234");
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/common or breached/);
    expect(PasswordSchema.safeParse("violet kettle harbour").success).toBe(true);
  });
  it("refuses the account's own email or its local part, padded or not", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,12}$/), fc.stringMatching(/^[a-z]{3,8}\.[a-z]{2,4}$/), fc.stringMatching(/^[0-9!]{0,4}$/), (local, domain, pad) => {
        const email = `${local}@${domain}`;
        expect(isMadeOfEmail(email + pad, email)).toBe(true);
        expect(isMadeOfEmail(local.toUpperCase() + pad, email)).toBe(true);
        expect(isMadeOfEmail(`${local} and something else`, email)).toBe(false);
      }),
    );
  });
});
