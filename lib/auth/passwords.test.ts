import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// An unknown email is checked against a dummy hash so that answering takes as long as for a real
// account. bcrypt's time is set by the cost in the hash, so the dummy must carry the configured cost:
// asserted on the hash itself (a timing measurement would be flaky).
describe("the dummy hash compared for unknown emails", () => {
  for (const cost of ["4", "5", "12"]) {
    it(`has the configured cost (UNITSCOPE_BCRYPT_COST=${cost}), like a real password hash`, async () => {
      vi.stubEnv("UNITSCOPE_BCRYPT_COST", cost);
      const passwords = await import("./passwords");
      const dummy = await passwords.dummyPasswordHash();
      expect(bcrypt.getRounds(dummy)).toBe(Number(cost));
      expect(bcrypt.getRounds(await passwords.hashPassword("a real password"))).toBe(Number(cost));
      expect(await passwords.dummyPasswordHash()).toBe(dummy); // computed once per process
    });
  }
});
