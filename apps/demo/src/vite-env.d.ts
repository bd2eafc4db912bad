/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the ChatKit-compatible server, e.g. `http://127.0.0.1:8787`. */
  readonly VITE_THREADKIT_SERVER_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
