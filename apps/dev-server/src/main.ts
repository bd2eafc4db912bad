import { parseArgs } from "node:util";
import { ASSISTANTS_BUILT_IN, ASSISTANTS_KEYWORDS } from "./assistants-script";
import { FAULT_WORDS, SCRIPT_KEYWORDS } from "./script";
import { createDevServer, DEFAULT_DATA_DIR } from "./server";

const USAGE = `Usage: pnpm --filter @threadkit/dev-server dev [-- options]

  --port <n>        port (env PORT, default 8787; 0 = any free port)
  --host <addr>     interface (env HOST, default 127.0.0.1)
  --data <dir>      SQLite folder (env THREADKIT_DATA_DIR, default .threadkit-data/)
  --memory          keep everything in memory
  --database <url>  PostgreSQL for threads and items (env DATABASE_URL), e.g. postgres://localhost/threadkit
  --delay <ms>      delay between streamed chunks (env THREADKIT_DELAY_MS, default 30)
  --faults <spec>   faults for every request (env THREADKIT_FAULTS), e.g. "drop-after=5"
  --require-secret  reject /chatkit requests without a client secret
  --help            this text`;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    memory: { type: "boolean" },
    database: { type: "string" },
    delay: { type: "string" },
    faults: { type: "string" },
    "require-secret": { type: "boolean" },
    help: { type: "boolean" },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function intOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}".\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const env = process.env;
const databaseUrl = values.database ?? env.DATABASE_URL ?? "";
const server = await createDevServer({
  port: intOption(values.port ?? env.PORT, "--port", 8787),
  host: values.host ?? env.HOST ?? "127.0.0.1",
  inMemory: values.memory ?? false,
  ...(databaseUrl ? { databaseUrl } : {}),
  dataDir: values.data ?? env.THREADKIT_DATA_DIR ?? DEFAULT_DATA_DIR,
  delayMs: intOption(values.delay ?? env.THREADKIT_DELAY_MS, "--delay", 30),
  faults: values.faults ?? env.THREADKIT_FAULTS ?? "",
  requireClientSecret: values["require-secret"] ?? false,
}).catch((error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE" ? `Port in use: ${error.message}. Try --port 0 or PORT=…` : error,
  );
  process.exit(1);
});

/** The connection string without its password, for the banner. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

const keywords = SCRIPT_KEYWORDS.map((rule) => rule.words[0]).join(", ");
const assistantsKeywords = [
  ...ASSISTANTS_KEYWORDS.map((rule) => rule.words[0]),
  ...ASSISTANTS_BUILT_IN.map(([word]) => word),
].join(", ");
console.log(`threadkit dev server on ${server.url}
  ChatKit protocol   POST ${server.url}/chatkit
  Direct upload      POST ${server.url}/chatkit/upload
  ChatKit REST       ${server.url}/v1/chatkit/sessions · /v1/chatkit/threads
  Assistants API     ${server.url}/v1/assistants · /v1/threads
  Data               ${values.memory ? "in memory" : (values.data ?? env.THREADKIT_DATA_DIR ?? DEFAULT_DATA_DIR)}
  Threads            ${databaseUrl ? `PostgreSQL (${redactUrl(databaseUrl)})` : "SQLite, with the data above"}
  Try typing         ${keywords}
  Assistants runs    ${assistantsKeywords}
  Fault words        ${FAULT_WORDS.map(([word]) => word).join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
