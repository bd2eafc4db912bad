import { describe, expect, it } from "vitest";
import { findPostgresBin } from "./helpers/postgres";

describe("the throw-away PostgreSQL helper", () => {
  it("finds Debian's server binaries", () => {
    expect(findPostgresBin(undefined)).toMatch(/\/bin$/);
  });

  it("fails with install instructions when the binaries are missing", () => {
    expect(() => findPostgresBin("/nonexistent/bin", "/nonexistent/postgresql")).toThrow(
      /apt-get install -y postgresql/,
    );
  });
});
