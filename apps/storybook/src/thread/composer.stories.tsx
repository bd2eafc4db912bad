import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  Composer,
  type ComposerAttachment,
  type ComposerRootProps,
  ThreadUIProvider,
} from "@threadkit/components";
import "@threadkit/components/styles.css";
import type { AttachmentLimits } from "@threadkit/hooks";
import { useState } from "react";
import { expect, fn, waitFor } from "storybook/test";
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
          <Composer.Rejections />
        </Composer.Root>
      </div>
    </ThreadUIProvider>
  );
}

/**
 * `Composer.Root / Input / Submit / Stop / AddAttachment / Attachments / Status / Rejections`: an
 * autosizing textarea (Enter sends, Shift+Enter adds a line, IME-safe), attachments with upload
 * progress, files dropped on the composer, refused files with the limit they hit, and the
 * disabled, locked and closed states with their reason.
 *
 * Parts: `[data-tk-part="composer"][data-disabled][data-running][data-dragging][data-thread-status]`,
 * `composer-input`, `composer-submit`, `composer-stop`, `composer-add-attachment`,
 * `composer-attachments`, `composer-attachment[data-status]`, `composer-attachment-error`,
 * `composer-status`, `composer-rejections`, `composer-rejection[data-reason]`,
 * `composer-rejections-dismiss`.
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
    await expect(send).toHaveBeenCalledWith({ text: "Hello\nthere", attachments: [], tags: [] });
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
  {
    id: "a3",
    name: "notes.docx",
    mimeType: "application/vnd.openxmlformats",
    status: "error",
    error: "The file server is unavailable.",
  },
];

/** Attachments with upload progress; Send waits for uploads to finish. */
export const Attachments: Story = {
  args: { attachments: uploads, defaultValue: "Summarize these" },
};

function FailedUploadDemo() {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([
    {
      id: "f1",
      name: "notes.docx",
      mimeType: "application/vnd.openxmlformats",
      status: "error",
      error: "The file server is unavailable.",
    },
  ]);
  return (
    <ComposerDemo
      defaultValue="Summarize these notes"
      attachments={attachments}
      onRemoveAttachment={(id) => setAttachments((list) => list.filter((a) => a.id !== id))}
    />
  );
}

/**
 * A failed upload names the file and shows why it failed. It blocks Send until it is removed:
 * the message never leaves without it.
 */
export const FailedUpload: Story = {
  render: () => <FailedUploadDemo />,
  play: async ({ canvas, userEvent }) => {
    const submit = canvas.getByRole("button", { name: "Send message" });
    await expect(submit).toBeDisabled();
    // The chips arrive with their chunk, at once when the composer has attachments.
    await expect(await canvas.findByText("Upload of notes.docx failed")).toBeVisible();
    await expect(canvas.getByText("The file server is unavailable.")).toBeVisible();
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

/** A drag of `files` as the browser would dispatch it over `target`. */
function dragFiles(target: Element, type: "dragenter" | "dragover" | "drop", files: File[]) {
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer });
  target.dispatchEvent(event);
  return event;
}

const onDragOver = fn();
const onDrop = fn();

/** Files dragged over the composer: it shows the drop affordance (`data-dragging`). */
export const DragOver: Story = {
  args: { onDragOver },
  play: async ({ canvas, args }) => {
    const form = canvas.getByRole("form", { name: "Message" });
    const file = new File(["hello"], "notes.txt", { type: "text/plain" });
    dragFiles(form, "dragenter", [file]);
    await waitFor(() => expect(form).toHaveAttribute("data-dragging", ""));
    // Accepting the drag is what lets a drop land; the app's own handler still runs.
    const over = dragFiles(form, "dragover", [file]);
    await expect(over.defaultPrevented).toBe(true);
    await expect(args.onDragOver).toHaveBeenCalled();
  },
};

function DropDemo() {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  return (
    <ComposerDemo
      attachments={attachments}
      onDrop={onDrop}
      onAddFiles={(files) =>
        setAttachments((list) => [
          ...list,
          ...files.map((file) => ({ id: file.name, name: file.name, mimeType: file.type })),
        ])
      }
      onRemoveAttachment={(id) => setAttachments((list) => list.filter((a) => a.id !== id))}
    />
  );
}

/** Files dropped on the composer are attached; the affordance goes away with the drop. */
export const DropFiles: Story = {
  render: () => <DropDemo />,
  play: async ({ canvas }) => {
    const form = canvas.getByRole("form", { name: "Message" });
    const files = [
      new File(["a"], "itinerary.pdf", { type: "application/pdf" }),
      new File(["b"], "notes.txt", { type: "text/plain" }),
    ];
    dragFiles(form, "dragenter", files);
    await waitFor(() => expect(form).toHaveAttribute("data-dragging", ""));
    const input = canvas.getByRole("textbox", { name: "Message" });
    const drop = dragFiles(input, "drop", files);
    await expect(drop.defaultPrevented).toBe(true);
    await expect(onDrop).toHaveBeenCalled();
    await waitFor(() => expect(form).not.toHaveAttribute("data-dragging"));
    const list = canvas.getByRole("list", { name: "Attachments" });
    await expect(list).toHaveTextContent("itinerary.pdf");
    await expect(list).toHaveTextContent("notes.txt");
  },
};

const LIMITS: AttachmentLimits = { maxFiles: 2, maxSize: 1024 * 1024, accept: ["image/*", ".pdf"] };

/** `limits` on `Composer.Root`: the composer checks them as `useComposer` does. */
function RejectedFilesDemo() {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  return (
    <ComposerDemo
      limits={LIMITS}
      attachments={attachments}
      onAddFiles={(files) =>
        setAttachments((list) => [
          ...list,
          ...files.map((file) => ({ id: file.name, name: file.name, mimeType: file.type })),
        ])
      }
      onRemoveAttachment={(id) => setAttachments((list) => list.filter((a) => a.id !== id))}
    />
  );
}

/**
 * With `limits` (`AttachmentLimits`: count, size, size per MIME type, accepted types), files
 * refused for their size, type or count never reach `onAddFiles`; they are listed with the limit
 * they hit, in a polite live region (`role="status"`), until dismissed or the next pick. The
 * picker's `accept` comes from `limits.accept`.
 */
export const RejectedFiles: Story = {
  name: "Rejected files",
  render: () => <RejectedFilesDemo />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvasElement.querySelector('[data-tk-part="composer-rejections"]');
    await expect(region).toHaveAttribute("role", "status");
    await expect(region).toBeEmptyDOMElement();
    const form = canvas.getByRole("form", { name: "Message" });
    dragFiles(form, "dragenter", []);
    dragFiles(form, "drop", [
      new File([new Uint8Array(2 * 1024 * 1024)], "scan.png", { type: "image/png" }),
      new File(["x"], "setup.exe", { type: "application/octet-stream" }),
      new File(["%PDF"], "ticket.pdf", { type: "application/pdf" }),
    ]);
    await waitFor(() =>
      expect(region).toHaveTextContent("scan.png is too large. Files can be at most 1 MB."),
    );
    await expect(region).toHaveTextContent(
      "setup.exe is not an accepted file type. Accepted: image/*, .pdf.",
    );
    await expect(canvas.getByRole("list", { name: "Attachments" })).toHaveTextContent("ticket.pdf");
    await userEvent.click(canvas.getByRole("button", { name: "Dismiss" }));
    await expect(region).toBeEmptyDOMElement();
    // Over the count: with one file attached, only the first of two more fits.
    dragFiles(form, "drop", [
      new File(["a"], "a.png", { type: "image/png" }),
      new File(["b"], "b.png", { type: "image/png" }),
    ]);
    await waitFor(() =>
      expect(region).toHaveTextContent(
        "b.png was not added: too many files. At most 2 files per message.",
      ),
    );
  },
};
