import type { Meta, StoryObj } from "@storybook/react-vite";
import { Composer } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { createChatKitClient, createChatKitRestClient } from "@threadkit/core";
import { type ThreadkitClients, ThreadkitProvider } from "@threadkit/hooks";
import { useState } from "react";
import { expect, within } from "storybook/test";

// Nothing here sends a request: the composers are only rendered.
const offline = () => Promise.reject(new Error("offline story"));

/** A connected composer (`Composer.Root threadId`) on one backend, with a caption. */
function OnBackend({ label, clients }: { label: string; clients: ThreadkitClients }) {
  return (
    <section aria-label={label} style={{ display: "grid", gap: 8 }}>
      <strong style={{ font: "600 13px system-ui" }}>{label}</strong>
      <ThreadkitProvider clients={clients}>
        <Composer.Root threadId="thr_story" aria-label={`Message, ${label}`} />
      </ThreadkitProvider>
    </section>
  );
}

/**
 * The connected composer offers what its thread's backend can do: on the ChatKit protocol it has
 * the attach button; on hosted ChatKit REST, which takes no attachments, the button and the file
 * picker are left out rather than failing on the first file.
 */
function Backends() {
  const [protocol] = useState(() => ({
    protocol: createChatKitClient({ url: "/chatkit", fetch: offline }),
  }));
  const [rest] = useState(() => ({
    rest: createChatKitRestClient({ baseUrl: "/v1", fetch: offline }),
  }));
  return (
    <div style={{ display: "grid", gap: 24, maxWidth: 640 }}>
      <OnBackend label="ChatKit protocol" clients={protocol} />
      <OnBackend label="Hosted ChatKit REST" clients={rest} />
    </div>
  );
}

const meta = {
  title: "Thread/Composer on each backend",
  component: Backends,
  parameters: { layout: "padded" },
} satisfies Meta<typeof Backends>;
export default meta;

/** The attach button follows the backend's `attachments` capability. */
export const AttachButtonFollowsTheBackend: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    const withAttachments = within(canvas.getByRole("region", { name: "ChatKit protocol" }));
    const withoutAttachments = within(canvas.getByRole("region", { name: "Hosted ChatKit REST" }));
    await withAttachments.findByRole("textbox");
    await withoutAttachments.findByRole("textbox");
    const attach = (region: HTMLElement) =>
      region.querySelectorAll("[data-tk-part='composer-add-attachment'], input[type='file']");
    expect(attach(canvas.getByRole("region", { name: "ChatKit protocol" })).length).toBeGreaterThan(
      0,
    );
    expect(attach(canvas.getByRole("region", { name: "Hosted ChatKit REST" }))).toHaveLength(0);
  },
};
