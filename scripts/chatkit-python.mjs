#!/usr/bin/env node
// Installs OpenAI's official Python ChatKit server SDK (openai-chatkit 1.6.5) and the agents SDK
// it needs into `.venv-chatkit/` (git-ignored), for the interoperability tests in
// apps/official-server. Sources come from `../shared/vendor` beside the clone when it exists,
// else from the package index (`pip install openai-chatkit==1.6.5`). Fast when already installed.
//
//   node scripts/chatkit-python.mjs          install (or check) the venv
//   CHATKIT_PYTHON=/usr/bin/python3.12 …     use that interpreter (default: python3.11, python3)
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CHATKIT_VERSION = "1.6.5";
const AGENTS_VERSION = "0.15.3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The venv the official-server tests run their Python server with. */
export const venvDir = path.join(root, ".venv-chatkit");
/** Its Python interpreter. */
export const venvPython = path.join(venvDir, "bin", "python");
const vendorDir = path.resolve(root, "..", "shared", "vendor");
const stampFile = path.join(venvDir, "threadkit-stamp.json");

// Runtime dependencies of both SDKs plus the HTTP server (chatkit-python's lock file versions).
const RUNTIME_DEPS = [
  "openai==2.54.0",
  "pydantic",
  "griffelib>=2,<3",
  "typing-extensions",
  "requests",
  "websockets>=15,<17",
  "jinja2>=3.1,<4",
  "uvicorn",
  "starlette",
  "python-multipart",
];

// pip must give up at once on an index it cannot reach; the environment also reaches the pip
// that build isolation starts, which command-line flags do not.
const pipEnv = {
  ...process.env,
  PIP_RETRIES: "0",
  PIP_TIMEOUT: process.env.PIP_TIMEOUT ?? "5",
  PIP_DISABLE_PIP_VERSION_CHECK: "1",
};

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", env: pipEnv, ...options });
  return { status: result.status ?? 1, out: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function pythonVersion(python) {
  const { status, out } = run(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
  if (status !== 0) return null;
  const [major, minor] = out.trim().split(".").map(Number);
  return major === 3 && minor >= 10 ? out.trim() : null;
}

function findPython() {
  const candidates = process.env.CHATKIT_PYTHON
    ? [process.env.CHATKIT_PYTHON]
    : ["python3.11", "python3.12", "python3.13", "python3.10", "python3"];
  for (const candidate of candidates) {
    const version = pythonVersion(candidate);
    if (version) return { python: candidate, version };
  }
  return null;
}

/** What the venv was built from; a change rebuilds it. */
function wantedStamp(source) {
  return { chatkit: CHATKIT_VERSION, agents: AGENTS_VERSION, source, deps: RUNTIME_DEPS };
}

/** The installed SDK's version, or null when the venv cannot import it. */
export function installedChatKitVersion() {
  if (!existsSync(venvPython)) return null;
  const { status, out } = run(venvPython, [
    "-c",
    "import chatkit.server, chatkit.agents, uvicorn, starlette, chatkit.version as v; print(v.__version__)",
  ]);
  return status === 0 ? out.trim().split("\n").at(-1) : null;
}

/** The SDK version the last successful set-up recorded, without starting Python. */
export function stampedChatKitVersion() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8")).chatkit ?? null;
  } catch {
    return null;
  }
}

function fail(message, detail = "") {
  const error = new Error(`${message}${detail ? `\n${detail.slice(-3000)}` : ""}`);
  error.name = "ChatKitPythonSetupError";
  throw error;
}

/** Creates or checks the venv. Throws with a clear message when it cannot. */
export function setupChatKitPython({ log = console.log } = {}) {
  const source = existsSync(path.join(vendorDir, `chatkit-python-${CHATKIT_VERSION}`))
    ? "vendor"
    : "index";
  const stamp = JSON.stringify(wantedStamp(source));
  if (
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp &&
    installedChatKitVersion() === CHATKIT_VERSION
  ) {
    return { installed: false };
  }

  const found = findPython();
  if (!found) {
    fail(
      "Python 3.10+ not found (tried CHATKIT_PYTHON, python3.11, python3.12, python3.13, python3.10, python3). " +
        "The official ChatKit SDK tests need it: install Python 3.11 or set CHATKIT_PYTHON.",
    );
  }
  log(
    `chatkit-python: creating ${path.relative(root, venvDir)} with ${found.python} ${found.version}`,
  );
  rmSync(venvDir, { recursive: true, force: true });
  let result = run(found.python, ["-m", "venv", venvDir]);
  if (result.status !== 0) fail(`python -m venv ${venvDir} failed`, result.out);

  const pip = [venvPython, "-m", "pip", "install", "--quiet"];
  result = run(pip[0], [...pip.slice(1), ...RUNTIME_DEPS]);
  if (result.status !== 0) fail("pip could not install the SDK's runtime dependencies", result.out);

  if (source === "vendor") {
    // Build from a copy: setuptools writes build/ and *.egg-info next to the sources, and the
    // shared folder is read-only.
    const work = mkdtempSync(path.join(tmpdir(), "chatkit-python-"));
    try {
      const folders = [
        `openai-agents-python-${AGENTS_VERSION}`,
        `chatkit-python-${CHATKIT_VERSION}`,
      ];
      for (const folder of folders) {
        cpSync(path.join(vendorDir, folder), path.join(work, folder), {
          recursive: true,
          filter: (from) => !/(^|\/)(build|tests|docs|[^/]*\.egg-info)$/.test(from),
        });
      }
      result = run(pip[0], [
        ...pip.slice(1),
        "--no-deps",
        ...folders.map((folder) => path.join(work, folder)),
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    if (result.status !== 0) fail(`pip could not install the SDK from ${vendorDir}`, result.out);
  } else {
    result = run(pip[0], [
      ...pip.slice(1),
      `openai-chatkit==${CHATKIT_VERSION}`,
      `openai-agents==${AGENTS_VERSION}`,
    ]);
    if (result.status !== 0) {
      fail(
        `pip install openai-chatkit==${CHATKIT_VERSION} failed (no ${vendorDir} either)`,
        result.out,
      );
    }
  }

  const version = installedChatKitVersion();
  if (version !== CHATKIT_VERSION) {
    fail(`the venv imports chatkit ${version ?? "(nothing)"}, expected ${CHATKIT_VERSION}`);
  }
  writeFileSync(stampFile, stamp);
  log(
    `chatkit-python: openai-chatkit ${version} ready (${source === "vendor" ? vendorDir : "package index"})`,
  );
  return { installed: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setupChatKitPython();
    console.log(`chatkit-python: ${venvPython} has openai-chatkit ${CHATKIT_VERSION}`);
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
