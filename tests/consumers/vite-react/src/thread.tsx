import "./app.css";
import "@threadkit/components/styles.css";
import { Thread } from "@threadkit/components";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider } from "@threadkit/hooks";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readLocation } from "./location";

// A read-only thread view: the smallest page that shows a thread's history.
const { serverUrl, threadId } = readLocation();
const clients = { protocol: createChatKitClient({ url: `${serverUrl}/chatkit` }) };

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing");
createRoot(root).render(
  <StrictMode>
    <ThreadkitProvider clients={clients}>
      <Thread.Root threadId={threadId} className="h-screen">
        <Thread.Viewport>
          <Thread.Items className="max-w-3xl" />
        </Thread.Viewport>
      </Thread.Root>
    </ThreadkitProvider>
  </StrictMode>,
);
