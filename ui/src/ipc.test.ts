import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "./ipc";

describe("toAppError", () => {
  it("keeps the code, message and field of a backend error", () => {
    const e = toAppError({ code: "invalidInput", message: "The name is required", field: "name" });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("invalidInput");
    expect(e.message).toBe("The name is required");
    expect(e.field).toBe("name");
  });

  it("turns a plain string (e.g. a denied permission) into a readable internal error", () => {
    const e = toAppError("command add_site not allowed by ACL");
    expect(e.code).toBe("internal");
    expect(e.message).toContain("command add_site not allowed by ACL");
  });

  it("never shows [object Object] for an unknown shape", () => {
    const e = toAppError({ weird: true });
    expect(e.message).not.toContain("[object Object]");
    expect(e.message).toContain('{"weird":true}');
    expect(toAppError(undefined).message).toContain("undefined");
  });

  it("does not trust an object with an unknown code", () => {
    expect(toAppError({ code: "teapot", message: "x" }).code).toBe("internal");
  });
});
