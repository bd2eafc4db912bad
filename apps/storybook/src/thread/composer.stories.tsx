import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  Composer,
  type ComposerAttachment,
  type ComposerRootProps,
  ThreadUIProvider,
} from "@threadkit/components";
import "@threadkit/components/styles.css";
import { useState } from "react";
import { expect, fn } from "storybook/test";
import { SUNSET_PNG } from "../items/_images";

const send = fn();

function ComposerDemo({
  scheme = "light",
  locale,
  ...props
}: ComposerRootProps & { scheme?: "light" | "dark"; locale?: string }) {
  return (
    <ThreadUIProvider locale={locale ?? "en"} allowDataImages>
      <div
        data-tk-theme={scheme}
        dir={locale === "ar" ? "rtl" : "ltr"}
        style={{ padding: 24, background: "var(--tk-color-bg)", borderRadius: 16, maxWidth: 760 }}
      >
        <Composer.Root onSubmit={send} {...props}>
          <Composer.Attachments />
          <div data-tk-part="composer-row">
            <Composer.AddAttachment />
            <Composer.Input />
            <Composer.Stop />
            <Composer.Submit />
          </div>
          <Composer.Status />
        </Composer.Root>
      </div>
    </ThreadUIProvider>
  );
}

/**
 * `Composer.Root / Input / Submit / Stop / AddAttachment / Attachments / Status`: an autosizing
 * textarea (Enter sends, Shift+Enter adds a line, IME-safe), attachments with upload progress and
 * the disabled, locked and closed states with their reason.
 */
const meta = {
  title: "Thread/Composer",
  component: ComposerDemo,
  args: { onAddFiles: fn(), onRemoveAttachment: fn() },
} satisfies Meta<typeof ComposerDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Type and press Enter: the message is sent and the input clears. Shift+Enter adds a line. */
export const SendMessage: Story = {
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole("textbox", { name: "Message" });
    const submit = canvas.getByRole("button", { name: "Send message" });
    await expect(submit).toBeDisabled();
    await userEvent.type(input, "Hello{Shift>}{Enter}{/Shift}there");
    await expect(input).toHaveValue("Hello\nthere");
    await userEvent.keyboard("{Enter}");
    await expect(send).toHaveBeenCalledWith({ text: "Hello\nthere", attachments: [] });
    await expect(input).toHaveValue("");
  },
};

/** A response is streaming: Stop replaces Send. */
export const Running: Story = {
  args: { running: true, onStop: fn(), defaultValue: "Next question" },
};

const uploads: ComposerAttachment[] = [
  { id: "a1", name: "sunset.png", mimeType: "image/png", status: "done", previewUrl: SUNSET_PNG },
  {
    id: "a2",
    name: "quarterly-report.pdf",
    mimeType: "application/pdf",
    status: "uploading",
    progress: 0.62,
  },
  { id: "a3", name: "notes.docx", mimeType: "application/vnd.openxmlformats", status: "error" },
];

/** Attachments with upload progress; Send waits for uploads to finish. */
export const Attachments: Story = {
  args: { attachments: uploads, defaultValue: "Summarize these" },
};

function FailedUploadDemo() {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([
    { id: "f1", name: "notes.docx", mimeType: "application/vnd.openxmlformats", status: "error" },
  ]);
  return (
    <ComposerDemo
      defaultValue="Summarize these notes"
      attachments={attachments}
      onRemoveAttachment={(id) => setAttachments((list) => list.filter((a) => a.id !== id))}
    />
  );
}

/** A failed upload blocks Send until it is removed: the message never leaves without it. */
export const FailedUpload: Story = {
  render: () => <FailedUploadDemo />,
  play: async ({ canvas, userEvent }) => {
    const submit = canvas.getByRole("button", { name: "Send message" });
    await expect(submit).toBeDisabled();
    await expect(canvas.getByText(/Upload of .* failed/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Remove notes.docx" }));
    await expect(submit).toBeEnabled();
  },
};

export const Locked: Story = {
  args: { threadStatus: { type: "locked", reason: "An admin locked this conversation." } },
};
export const Closed: Story = { args: { threadStatus: { type: "closed" } } };

function Growing() {
  const [value, setValue] = useState(
    "Line one\nLine two\nLine three\nLine four\nLine five\nLine six",
  );
  return <ComposerDemo value={value} onValueChange={setValue} />;
}
/** The textarea grows with its content up to a limit, then scrolls. */
export const Autosize: Story = { render: () => <Growing /> };

export const Dark: Story = { args: { scheme: "dark", attachments: uploads } };
export const RightToLeft: Story = { args: { locale: "ar", defaultValue: "مرحبا" } };
