import { PostgresStore } from "../src/postgres/index";
import type { AppContext } from "./helpers/app";
import { createPostgresSchema } from "./helpers/databases";
import { describeProtocol } from "./protocol-suite";

describeProtocol("PostgreSQL", async () => {
  const schema = await createPostgresSchema();
  return { store: new PostgresStore<AppContext>(schema.pool()), close: () => schema.drop() };
});
