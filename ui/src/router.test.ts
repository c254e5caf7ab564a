import { describe, expect, it } from "vitest";
import { SECTIONS, hashFor, sectionFromHash } from "./router";

describe("router", () => {
  it("round-trips every section through the hash", () => {
    for (const s of SECTIONS) expect(sectionFromHash(hashFor(s))).toBe(s);
  });

  it("falls back to the overview for unknown or empty hashes", () => {
    expect(sectionFromHash("")).toBe("overview");
    expect(sectionFromHash("#/nowhere")).toBe("overview");
    expect(sectionFromHash("#/settings/extra")).toBe("settings");
  });
});
