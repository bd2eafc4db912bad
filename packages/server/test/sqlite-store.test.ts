import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite, SQLITE_MIGRATIONS, SqliteStore } from "../src/sqlite/index";
import { describeStoreBehaviour, type TestContext } from "./store-suite";

describeStoreBehaviour("SQLite", async (options) => {
  const store = new SqliteStore<TestContext>(":memory:", options);
  return { store, close: async () => store.close() };
});

describe("SQLite schema and files", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "threadkit-sqlite-"));
    dirs.push(dir);
    return path.join(dir, "chat.sqlite");
  };

  it("creates the schema once and records it in the migrations table", () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    const rows = first.db.prepare("SELECT version, name FROM threadkit_migrations").all();
    expect(rows).toEqual([{ version: 1, name: SQLITE_MIGRATIONS[0]?.name }]);
    first.close();
    const db = new Database(file);
    expect(migrateSqlite(db)).toEqual([]);
    expect(
      migrateSqlite(db, [
        ...SQLITE_MIGRATIONS,
        { version: 2, name: "extra", statements: ["CREATE TABLE extra (x INTEGER)"] },
      ]),
    ).toEqual([2]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM threadkit_migrations").get()).toEqual({ n: 2 });
    db.close();
  });

  it("rolls a failing migration back entirely", () => {
    const db = new Database(":memory:");
    migrateSqlite(db);
    expect(() =>
      migrateSqlite(db, [
        ...SQLITE_MIGRATIONS,
        { version: 2, name: "broken", statements: ["CREATE TABLE ok (x)", "NOT SQL"] },
      ]),
    ).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) AS v FROM threadkit_migrations").get()).toEqual({
      v: 1,
    });
    db.close();
  });

  it("keeps data across reopening, and two connections on one file see each other's writes", async () => {
    const file = tempFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    const thread = {
      id: "thr_x",
      created_at: "2026-01-01T00:00:00.000Z",
      status: { type: "active" as const },
    };
    await a.saveThread(thread, {});
    expect(await b.loadThread("thr_x", {})).toEqual(thread);
    a.close();
    b.close();
    const c = new SqliteStore(file);
    expect(await c.loadThread("thr_x", {})).toEqual(thread);
    c.close();
  });
});
