import { SqliteStore } from "../src/sqlite/index";
import type { AppContext } from "./helpers/app";
import { describeProtocol } from "./protocol-suite";

describeProtocol("SQLite", async () => {
  const store = new SqliteStore<AppContext>(":memory:");
  return { store, close: async () => store.close() };
});
