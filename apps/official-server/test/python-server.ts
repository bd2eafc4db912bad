/**
 * Starts the scripted official-SDK server (server/main.py) with the venv that
 * `node scripts/setup.mjs` creates, on a free port chosen by the server itself.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CHATKIT_VERSION,
  stampedChatKitVersion,
  venvPython,
} from "../../../scripts/chatkit-python.mjs";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "server");

const HINT = "Run `node scripts/setup.mjs` (or `node scripts/chatkit-python.mjs`) first.";

/** A running Python server. */
export interface PythonServer {
  url: string;
  /** The server's process id. */
  pid: number;
  close(): Promise<void>;
}

/**
 * Throws a clear error when the venv or the SDK is missing (never a silent skip). Reads what the
 * set-up recorded; a venv broken since then fails when the server starts, with Python's output.
 */
export function assertChatKitPythonInstalled(): void {
  if (!existsSync(venvPython)) {
    throw new Error(`The official ChatKit SDK's venv is missing (${venvPython}). ${HINT}`);
  }
  const version = stampedChatKitVersion();
  if (version !== CHATKIT_VERSION) {
    throw new Error(
      `${venvPython} does not provide openai-chatkit ${CHATKIT_VERSION} (found ${version ?? "none"}). ${HINT}`,
    );
  }
}

/**
 * Starts the server on `port` (0: any free port) and resolves once it accepts connections.
 * `app` picks the responder: `scripted` (server/scripted_server.py) or `diff`
 * (server/diff_server.py, the differential test's).
 */
export function startPythonServer(
  port = 0,
  timeoutMs = 60_000,
  app: "scripted" | "diff" = "scripted",
): Promise<PythonServer> {
  const child: ChildProcess = spawn(
    venvPython,
    [path.join(serverDir, "main.py"), "--port", String(port), "--app", app],
    {
      cwd: serverDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`The official-SDK server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /official-server listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve({ url: match[1], pid: child.pid ?? 0, close });
      }
    };
    child.stdout?.on("data", onData);
    // Keep the server's errors visible in the test output.
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      process.stderr.write(`[official-server] ${chunk.toString("utf8")}`);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The official-SDK server exited (${code ?? signal}) before listening. ${HINT}\n${output}`,
        ),
      );
    });
  });
}
