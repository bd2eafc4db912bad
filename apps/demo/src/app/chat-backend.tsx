import { ThreadkitProvider } from "@threadkit/hooks";
import type { ReactNode } from "react";
import type { ServerEndpoints } from "../lib/server";
import type { BackendKind } from "../lib/settings";

interface ChatBackendProps {
  server: ServerEndpoints;
  backend: BackendKind;
  locale: string;
  children: ReactNode;
}

/** Supplies threadkit's clients for the chosen backend. */
export function ChatBackend({ locale, children }: ChatBackendProps) {
  return <ThreadkitProvider locale={locale}>{children}</ThreadkitProvider>;
}
