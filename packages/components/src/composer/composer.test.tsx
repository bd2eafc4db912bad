import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createChatKitClient } from "@threadkit/core";
import { ThreadkitProvider, useRunStream } from "@threadkit/hooks";
import { type ReactNode, useState } from "react";
import { vi } from "vitest";
import {
  closeAfterCleanup,
  readFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
} from "../../../hooks/test/http-server";
import {
  attachmentListsModule,
  ComposerAddAttachment,
  type ComposerAttachment,
  ComposerAttachments,
  ComposerInput,
  ComposerRoot,
  type ComposerRootProps,
  ComposerStatus,
  ComposerStop,
  ComposerSubmit,
} from "./composer";
import { ComposerMentions, ComposerTags } from "./composer-mentions";
import { ComposerRejections } from "./composer-rejections";
import { ConnectedComposerRoot, type ConnectedComposerRootProps } from "./connected-composer";

// The attachment chips and refused-file lines are here, as once loaded on idle (their loading is
// tested in composer-attachments.lazy.test.tsx).
beforeAll(() => attachmentListsModule.preload());

function Parts() {
  return (
    <>
      <ComposerAttachments />
      <ComposerAddAttachment />
      <ComposerInput />
      <ComposerStop />
      <ComposerSubmit />
      <ComposerStatus />
      <ComposerRejections />
    </>
  );
}

function Composer(props: ComposerRootProps) {
  return (
    <ComposerRoot {...props}>
      <Parts />
    </ComposerRoot>
  );
}

const input = () => screen.getByRole("textbox", { name: "Message" });
const sendButton = () => screen.queryByRole("button", { name: "Send message" });
const stopButton = () => screen.queryByRole("button", { name: "Stop generating" });
const fileInput = (container: HTMLElement) =>
  container.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
const file = (name: string, type = "text/plain", size = 3) =>
  new File([new Uint8Array(size)], name, { type });

/** A drag event's transfer holding `files` (happy-dom has no `DataTransfer` constructor). */
const transfer = (files: File[]) => ({ dataTransfer: { files, types: ["Files"], items: [] } });
const form = () => screen.getByRole("form", { name: "Message" });
const rejections = () =>
  document.querySelector('[data-tk-part="composer-rejections"]') as HTMLElement;

/** A paste event whose clipboard holds `files` (happy-dom has no `DataTransfer` constructor). */
function pasteFiles(target: HTMLElement, files: File[]) {
  fireEvent.paste(target, {
    clipboardData: { files, types: ["Files"], getData: () => "", items: [] },
  });
}

/** Attachments kept in state: the first added is uploading at 62%, later ones failed. */
function WithAttachments() {
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  return (
    <Composer
      accept="image/*,.pdf"
      attachments={attachments}
      onAddFiles={(files) =>
        setAttachments((list) => [
          ...list,
          ...files.map((f, i) => ({
            id: `${list.length + i}`,
            name: f.name,
            mimeType: f.type,
            // The first file is uploading, the pasted one failed.
            ...(list.length === 0
              ? { status: "uploading" as const, progress: 0.62 }
              : { status: "error" as const }),
          })),
        ])
      }
      onRemoveAttachment={(id) => setAttachments((list) => list.filter((a) => a.id !== id))}
    />
  );
}

/** The connected composer sharing its run with a progress line. */
function WithProgress() {
  const run = useRunStream("thr_1");
  return (
    <>
      <output aria-label="Progress">{run.progress?.text}</output>
      <ConnectedComposerRoot threadId="thr_1" run={run}>
        <Parts />
      </ConnectedComposerRoot>
    </>
  );
}

describe("Composer (props)", () => {
  it("sends the trimmed text on Enter and clears; Shift+Enter adds a line", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Composer onSubmit={onSubmit} />);
    await user.type(input(), "  Hello{Shift>}{Enter}{/Shift}there  ");
    expect(input()).toHaveValue("  Hello\nthere  ");
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Hello\nthere",
      attachments: [],
      tags: [],
    });
    expect(input()).toHaveValue("");
  });

  it("completes @-mentions from onTagSearch, a click picks too, and submits the tags", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onTagSearch = vi.fn(async () => [
      { id: "e1", title: "Eve", group: "People" },
      { id: "e2", title: "Evan" },
    ]);
    render(
      <ComposerRoot onSubmit={onSubmit} onTagSearch={onTagSearch}>
        <ComposerTags />
        <ComposerMentions />
        <ComposerInput />
      </ComposerRoot>,
    );
    await user.type(input(), "Hi @ev");
    const evan = await screen.findByRole("option", { name: "Evan" });
    await user.click(evan);
    expect(input()).toHaveValue("Hi @Evan ");
    expect(input()).toHaveFocus();
    expect(screen.getByRole("list", { name: "Mentions" }).textContent).toBe("Evan");
    await user.keyboard("!{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: "Hi @Evan !",
      attachments: [],
      tags: [{ id: "e2", title: "Evan" }],
    });
    expect(screen.queryByRole("list", { name: "Mentions" })).toBeNull();
  });

  it("sends with the Send button too", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Composer onSubmit={onSubmit} />);
    await user.type(input(), "Hi");
    await user.click(sendButton() as HTMLElement);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: "Hi", attachments: [], tags: [] });
  });

  it("does not send on Enter while an input method is composing", async () => {
    const onSubmit = vi.fn();
    render(<Composer onSubmit={onSubmit} defaultValue="にほん" />);
    const box = input();
    // The key that confirms a candidate: flagged by the event itself, or (Chrome, Safari) as
    // keyCode 229, even when no composition event reached the element.
    fireEvent.keyDown(box, { key: "Enter", isComposing: true });
    fireEvent.keyDown(box, { key: "Enter", keyCode: 229 });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.compositionStart(box);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.compositionEnd(box);
    // Safari's keydown right after compositionend still belongs to the composition.
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSubmit).not.toHaveBeenCalled();
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: "にほん", attachments: [], tags: [] });
  });

  it("does not send an empty or whitespace-only draft", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { container } = render(<Composer onSubmit={onSubmit} />);
    expect(sendButton()).toBeDisabled();
    await user.type(input(), "   {Enter}");
    fireEvent.submit(container.querySelector("form") as HTMLFormElement);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(sendButton()).toBeDisabled();
    expect(input()).toHaveValue("   ");
  });

  it("shows Stop while running only when the response can be cancelled", async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    const onSubmit = vi.fn();
    const { rerender } = render(<Composer onSubmit={onSubmit} onStop={onStop} />);
    expect(stopButton()).toBeNull();
    expect(sendButton()).toBeInTheDocument();

    rerender(<Composer onSubmit={onSubmit} onStop={onStop} running defaultValue="x" />);
    expect(sendButton()).toBeNull();
    await user.click(stopButton() as HTMLElement);
    expect(onStop).toHaveBeenCalledOnce();
    expect(screen.getByRole("form")).toHaveAttribute("data-running", "");

    // Running without a way to cancel: no Stop, and Send stays disabled.
    rerender(<Composer onSubmit={onSubmit} running />);
    expect(stopButton()).toBeNull();
    expect(sendButton()).toBeDisabled();
    await user.type(input(), "next{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("is disabled with the visible reason when the thread is locked or closed", () => {
    const { rerender } = render(
      <Composer threadStatus={{ type: "locked", reason: "An admin locked this conversation." }} />,
    );
    expect(input()).toBeDisabled();
    const reason = screen.getByText("An admin locked this conversation.");
    expect(reason).toBeVisible();
    expect(input()).toHaveAttribute("aria-describedby", reason.id);
    expect(screen.getByRole("form")).toHaveAttribute("data-thread-status", "locked");

    rerender(<Composer threadStatus={{ type: "closed" }} />);
    expect(input()).toBeDisabled();
    expect(screen.getByText("This conversation is closed.")).toBeVisible();
    expect(sendButton()).toBeDisabled();

    rerender(<Composer threadStatus={{ type: "locked" }} />);
    expect(screen.getByText("This conversation is locked.")).toBeVisible();

    rerender(<Composer threadStatus={{ type: "active" }} />);
    expect(input()).toBeEnabled();
    expect(input()).not.toHaveAttribute("aria-describedby");
    expect(screen.queryByText(/This conversation is/)).toBeNull();
  });

  it("adds files from the picker and from a paste, lists progress and errors, removes", async () => {
    const user = userEvent.setup();
    const { container } = render(<WithAttachments />);
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
    expect(fileInput(container)).toHaveAttribute("accept", "image/*,.pdf");
    await user.upload(fileInput(container), file("report.pdf", "application/pdf"));
    const list = screen.getByRole("list", { name: "Attachments" });
    expect(within(list).getByText("report.pdf")).toBeInTheDocument();
    const progress = within(list).getByRole("progressbar", { name: "Uploading report.pdf: 62%" });
    expect(progress).toHaveAttribute("aria-valuenow", "62");

    pasteFiles(input(), [file("notes.txt")]);
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-status"))).toEqual(["uploading", "error"]);
    expect(items[1]).toHaveTextContent("notes.txt");
    expect(items[1]).toHaveTextContent(/Upload of .* failed/);

    await user.click(screen.getByRole("button", { name: "Remove report.pdf" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Remove notes.txt" }));
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
  });

  it("ignores pasted text for attachments and files pasted while disabled", () => {
    const onAddFiles = vi.fn();
    const { rerender } = render(<Composer onAddFiles={onAddFiles} />);
    fireEvent.paste(input(), { clipboardData: { files: [], getData: () => "text", items: [] } });
    expect(onAddFiles).not.toHaveBeenCalled();
    rerender(<Composer onAddFiles={onAddFiles} threadStatus={{ type: "closed" }} />);
    pasteFiles(input(), [file("a.txt")]);
    expect(onAddFiles).not.toHaveBeenCalled();
  });

  it("waits for uploads and refuses to send past a failed one", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const uploading: ComposerAttachment = {
      id: "a",
      name: "a.pdf",
      mimeType: "application/pdf",
      status: "uploading",
      progress: 0.5,
    };
    const { rerender } = render(
      <Composer onSubmit={onSubmit} attachments={[uploading]} defaultValue="see file" />,
    );
    expect(sendButton()).toBeDisabled();
    await user.type(input(), "{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();

    // Only a failed attachment and no text: there is nothing to send.
    const failed = { ...uploading, status: "error" as const };
    rerender(<Composer onSubmit={onSubmit} attachments={[failed]} />);
    await user.clear(input());
    expect(sendButton()).toBeDisabled();
    await user.type(input(), "{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();

    const done = { ...uploading, status: "done" as const };
    rerender(<Composer onSubmit={onSubmit} attachments={[done]} />);
    await user.type(input(), "{Enter}");
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: "", attachments: [done], tags: [] });
  });

  it("names the file, not its type, in a failed upload, with the reason", () => {
    const failed: ComposerAttachment = {
      id: "a",
      name: "quarterly-report.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      status: "error",
      error: "storage is down",
    };
    render(<Composer attachments={[failed]} onRemoveAttachment={() => {}} />);
    const chip = within(screen.getByRole("list", { name: "Attachments" })).getByRole("listitem");
    expect(chip).toHaveTextContent("Upload of quarterly-report.docx failed");
    expect(chip).not.toHaveTextContent("Upload of DOCX failed");
    const reason = chip.querySelector('[data-tk-part="composer-attachment-error"]');
    expect(reason).toHaveTextContent("storage is down");
    expect(reason).toHaveAttribute("title", "storage is down");
  });

  it("lists refused files with their limit in a polite status, dismissable", async () => {
    const user = userEvent.setup();
    const onDismissRejections = vi.fn();
    const { rerender } = render(<Composer onAddFiles={() => {}} />);
    // Present and empty before anything is refused, so the refusal is announced.
    expect(rejections()).toHaveAttribute("role", "status");
    expect(rejections()).toBeEmptyDOMElement();

    rerender(
      <Composer
        onAddFiles={() => {}}
        rejections={[
          { name: "huge.zip", reason: "too_large", limit: "10 MB" },
          { name: "run.exe", reason: "type", limit: "image/*, .pdf" },
          { name: "third.png", reason: "too_many", limit: 1 },
          { name: "fourth.png", reason: "too_many", limit: 2 },
          { name: "off.txt", reason: "disabled" },
        ]}
        onDismissRejections={onDismissRejections}
      />,
    );
    const lines = within(rejections())
      .getAllByRole("listitem")
      .map((li) => [li.getAttribute("data-reason"), li.textContent]);
    expect(lines).toEqual([
      ["too_large", "huge.zip is too large. Files can be at most 10 MB."],
      ["type", "run.exe is not an accepted file type. Accepted: image/*, .pdf."],
      ["too_many", "third.png was not added: too many files. At most 1 file per message."],
      ["too_many", "fourth.png was not added: too many files. At most 2 files per message."],
      ["disabled", "off.txt was not added: attachments are turned off."],
    ]);
    await user.click(within(rejections()).getByRole("button", { name: "Dismiss" }));
    expect(onDismissRejections).toHaveBeenCalledOnce();
  });

  it("applies limits itself: per MIME type sizes and types, refusals listed until dismissed", async () => {
    const user = userEvent.setup();
    const onAddFiles = vi.fn();
    const { container } = render(
      <Composer
        onAddFiles={onAddFiles}
        attachments={[{ id: "a1", name: "first.png", mimeType: "image/png" }]}
        limits={{
          maxFiles: 2,
          maxSize: 1024,
          maxSizeByType: { "image/*": 10 },
          accept: ["image/*", ".pdf"],
        }}
      />,
    );
    expect(fileInput(container)).toHaveAttribute("accept", "image/*,.pdf");
    fireEvent.drop(
      form(),
      transfer([
        file("big.png", "image/png", 20),
        file("run.exe", "application/octet-stream"),
        file("report.pdf", "application/pdf", 500),
        file("second.png", "image/png", 5),
      ]),
    );
    expect(onAddFiles).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({ name: "report.pdf" }),
    ]);
    const lines = within(rejections())
      .getAllByRole("listitem")
      .map((li) => [li.getAttribute("data-reason"), li.textContent]);
    expect(lines).toEqual([
      ["too_large", "big.png is too large. Files can be at most 10 B."],
      ["type", "run.exe is not an accepted file type. Accepted: image/*, .pdf."],
      ["too_many", "second.png was not added: too many files. At most 2 files per message."],
    ]);
    await user.click(within(rejections()).getByRole("button", { name: "Dismiss" }));
    expect(rejections()).toBeEmptyDOMElement();
  });

  it("adds dropped files and marks the composer while files are dragged over it", () => {
    const onAddFiles = vi.fn();
    render(<Composer onAddFiles={onAddFiles} />);
    const root = form();
    expect(root).not.toHaveAttribute("data-dragging");
    fireEvent.dragEnter(root, transfer([]));
    expect(root).toHaveAttribute("data-dragging", "");
    // Crossing into a child and back fires enter/leave pairs: still dragging over the composer.
    fireEvent.dragEnter(input(), transfer([]));
    fireEvent.dragLeave(root, transfer([]));
    expect(root).toHaveAttribute("data-dragging", "");
    // Accepting the drag over the composer is what lets the drop land.
    expect(fireEvent.dragOver(input(), transfer([]))).toBe(false);
    fireEvent.dragLeave(input(), transfer([]));
    expect(root).not.toHaveAttribute("data-dragging");

    const dropped = [file("a.txt"), file("b.pdf", "application/pdf")];
    fireEvent.dragEnter(root, transfer(dropped));
    expect(fireEvent.drop(input(), transfer(dropped))).toBe(false);
    expect(onAddFiles).toHaveBeenCalledExactlyOnceWith(dropped);
    expect(root).not.toHaveAttribute("data-dragging");
  });

  it("ignores dragged text, and drags while disabled or without onAddFiles", () => {
    const onAddFiles = vi.fn();
    const text = { dataTransfer: { files: [], types: ["text/plain"], items: [] } };
    const { rerender } = render(<Composer onAddFiles={onAddFiles} />);
    fireEvent.dragEnter(form(), text);
    expect(form()).not.toHaveAttribute("data-dragging");
    expect(fireEvent.dragOver(form(), text)).toBe(true);

    rerender(<Composer onAddFiles={onAddFiles} threadStatus={{ type: "closed" }} />);
    fireEvent.dragEnter(form(), transfer([file("a.txt")]));
    expect(form()).not.toHaveAttribute("data-dragging");
    expect(fireEvent.dragOver(form(), transfer([file("a.txt")]))).toBe(true);
    fireEvent.drop(form(), transfer([file("a.txt")]));
    rerender(<Composer />);
    fireEvent.dragEnter(form(), transfer([file("a.txt")]));
    expect(form()).not.toHaveAttribute("data-dragging");
    expect(onAddFiles).not.toHaveBeenCalled();
  });

  it("runs the app's drag handlers first; an app that handles the drop keeps the files", () => {
    const onAddFiles = vi.fn();
    const calls: string[] = [];
    const handlers = {
      onDragEnter: vi.fn(() => calls.push("enter")),
      onDragOver: vi.fn(() => calls.push("over")),
      onDragLeave: vi.fn(() => calls.push("leave")),
      onDrop: vi.fn(() => calls.push("drop")),
    };
    const { rerender } = render(<Composer onAddFiles={onAddFiles} {...handlers} />);
    const dropped = [file("a.txt")];
    fireEvent.dragEnter(form(), transfer(dropped));
    expect(form()).toHaveAttribute("data-dragging", "");
    fireEvent.dragOver(form(), transfer(dropped));
    fireEvent.dragLeave(form(), transfer(dropped));
    expect(form()).not.toHaveAttribute("data-dragging");
    fireEvent.dragEnter(form(), transfer(dropped));
    fireEvent.drop(form(), transfer(dropped));
    expect(calls).toEqual(["enter", "over", "leave", "enter", "drop"]);
    expect(handlers.onDrop).toHaveBeenCalledWith(expect.objectContaining({ type: "drop" }));
    expect(onAddFiles).toHaveBeenCalledExactlyOnceWith(dropped);

    onAddFiles.mockClear();
    const ownDrop = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    rerender(<Composer onAddFiles={onAddFiles} {...handlers} onDrop={ownDrop} />);
    fireEvent.dragEnter(form(), transfer(dropped));
    fireEvent.drop(form(), transfer(dropped));
    expect(ownDrop).toHaveBeenCalledOnce();
    expect(onAddFiles).not.toHaveBeenCalled();
    expect(form()).not.toHaveAttribute("data-dragging");
  });

  it("puts an uncontrolled draft back when the send fails", async () => {
    const user = userEvent.setup();
    let fail = (_error: Error) => {};
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((_resolve, reject) => {
          fail = reject;
        }),
    );
    render(<Composer onSubmit={onSubmit} />);
    await user.type(input(), "keep me{Enter}");
    expect(input()).toHaveValue("");
    await act(async () => fail(new Error("offline")));
    expect(input()).toHaveValue("keep me");
  });
});

describe("Composer (connected to a ChatKit server on 127.0.0.1)", () => {
  let server: TestServer;
  afterEach(() => closeAfterCleanup(server));

  const created = JSON.parse(
    readFixture("chatkit-protocol/py-server-attachments-create-response.json"),
  ) as { upload_descriptor: { url: string } };

  function renderConnected(props: Partial<ConnectedComposerRootProps> = {}) {
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreadkitProvider clients={clients}>{children}</ThreadkitProvider>
    );
    return render(
      <ConnectedComposerRoot threadId="thr_1" {...props}>
        <Parts />
      </ConnectedComposerRoot>,
      { wrapper },
    );
  }

  it("uploads picked and pasted files with progress, shows a failed one, removes them", async () => {
    const user = userEvent.setup();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server = await startServer(async (request, res) => {
      if (request.url.startsWith("/upload/")) {
        await held;
        res.writeHead(204).end();
        return;
      }
      if (request.body?.type === "attachments.create") {
        if (request.body.params.name === "broken.txt") {
          sendJson(res, 500, { detail: "storage is down" });
          return;
        }
        sendJson(res, 200, {
          ...created,
          id: `atc_${request.body.params.name}`,
          name: request.body.params.name,
          upload_descriptor: { ...created.upload_descriptor, url: `${server.url}/upload/1` },
        });
        return;
      }
      sendJson(res, 200, {});
    });
    const { container } = renderConnected();
    await user.upload(fileInput(container), file("picked.txt"));
    pasteFiles(input(), [file("broken.txt")]);

    const list = await screen.findByRole("list", { name: "Attachments" });
    expect(within(list).getByText("picked.txt")).toBeInTheDocument();
    expect(within(list).getByRole("progressbar", { name: /Uploading picked\.txt/ })).toBeVisible();
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole("listitem")
          .map((li) => li.getAttribute("data-status")),
      ).toEqual(["uploading", "error"]),
    );
    expect(sendButton()).toBeDisabled();
    const failedChip = within(list).getAllByRole("listitem")[1] as HTMLElement;
    expect(failedChip).toHaveTextContent("Upload of broken.txt failed");
    // The server's reason reaches the chip.
    expect(
      failedChip.querySelector('[data-tk-part="composer-attachment-error"]'),
    ).toHaveTextContent("storage is down");

    release();
    await waitFor(() =>
      expect(within(list).getAllByRole("listitem")[0]).toHaveAttribute("data-status", "done"),
    );
    expect(within(list).queryByRole("progressbar")).toBeNull();
    // The failed upload blocks sending until it is removed.
    await user.type(input(), "see attached");
    expect(sendButton()).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Remove broken.txt" }));
    expect(sendButton()).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Remove picked.txt" }));
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
    await waitFor(() =>
      expect(server.requests.map((r) => r.body?.type)).toContain("attachments.delete"),
    );
  });

  it("shows files refused by the limits, clears them on the next pick and on dismiss", async () => {
    const user = userEvent.setup();
    server = await startServer((request, res) => {
      if (request.url.startsWith("/upload/")) {
        res.writeHead(204).end();
        return;
      }
      sendJson(res, 200, {
        ...created,
        id: `atc_${request.body?.params?.name}`,
        upload_descriptor: { ...created.upload_descriptor, url: `${server.url}/upload/1` },
      });
    });
    const { container } = renderConnected({
      options: { limits: { maxSize: 2048, maxFiles: 2, accept: ["image/*", ".pdf"] } },
    });
    expect(rejections()).toBeEmptyDOMElement();
    await user.upload(fileInput(container), [
      file("huge.png", "image/png", 4096),
      file("notes.txt"),
      file("ok.png", "image/png"),
    ]);
    await waitFor(() =>
      expect(
        within(rejections())
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual([
        "huge.png is too large. Files can be at most 2 KB.",
        "notes.txt is not an accepted file type. Accepted: image/*, .pdf.",
      ]),
    );
    expect(rejections()).toHaveAttribute("role", "status");
    const list = screen.getByRole("list", { name: "Attachments" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("ok.png")]);
    // Refused files never reach the server.
    const createdNames = () =>
      server.requests
        .filter((r) => r.body?.type === "attachments.create")
        .map((r) => r.body?.params?.name);
    await waitFor(() => expect(createdNames()).toEqual(["ok.png"]));

    // The next pick replaces them: one more fits, the one after is over the count.
    await user.upload(fileInput(container), [file("b.pdf", "application/pdf"), file("c.pdf")]);
    await waitFor(() =>
      expect(
        within(rejections())
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual(["c.pdf was not added: too many files. At most 2 files per message."]),
    );
    await user.click(within(rejections()).getByRole("button", { name: "Dismiss" }));
    expect(rejections()).toBeEmptyDOMElement();
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole("listitem")
          .map((li) => li.dataset.status),
      ).toEqual(["done", "done"]),
    );
  });

  it("uploads dropped files", async () => {
    server = await startServer((request, res) => {
      if (request.url.startsWith("/upload/")) {
        res.writeHead(204).end();
        return;
      }
      sendJson(res, 200, {
        ...created,
        id: `atc_${request.body?.params?.name}`,
        upload_descriptor: { ...created.upload_descriptor, url: `${server.url}/upload/1` },
      });
    });
    renderConnected();
    const dropped = [file("dropped.txt")];
    fireEvent.dragEnter(form(), transfer(dropped));
    expect(form()).toHaveAttribute("data-dragging", "");
    fireEvent.drop(form(), transfer(dropped));
    expect(form()).not.toHaveAttribute("data-dragging");
    const list = await screen.findByRole("list", { name: "Attachments" });
    expect(within(list).getByText("dropped.txt")).toBeInTheDocument();
    await waitFor(() =>
      expect(within(list).getByRole("listitem")).toHaveAttribute("data-status", "done"),
    );
    expect(
      server.requests.find((r) => r.body?.type === "attachments.create")?.body?.params,
    ).toEqual(expect.objectContaining({ name: "dropped.txt" }));
  });

  it("keeps the draft and attachments when the send fails", async () => {
    const user = userEvent.setup();
    server = await startServer((request, res) => {
      if (request.url.startsWith("/upload/")) {
        res.writeHead(204).end();
        return;
      }
      if (request.body?.type === "attachments.create") {
        sendJson(res, 200, {
          ...created,
          upload_descriptor: { ...created.upload_descriptor, url: `${server.url}/upload/1` },
        });
        return;
      }
      sendJson(res, 503, { detail: "down" });
    });
    const { container } = renderConnected();
    await user.upload(fileInput(container), file("a.txt"));
    await user.type(input(), "important words");
    await waitFor(() => expect(sendButton()).toBeEnabled());
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(server.requests.map((r) => r.body?.type)).toContain("threads.add_user_message"),
    );
    await waitFor(() => expect(sendButton()).toBeEnabled());
    expect(input()).toHaveValue("important words");
    const items = within(screen.getByRole("list", { name: "Attachments" })).getAllByRole(
      "listitem",
    );
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining("a.txt")]);
    expect(items[0]).toHaveAttribute("data-status", "done");
  });

  it("disables itself with the reason once the server locks the thread", async () => {
    const user = userEvent.setup();
    server = await startServer(async (_request, res) => {
      const thread = {
        id: "thr_1",
        title: null,
        created_at: "2026-05-01T10:00:00",
        status: { type: "locked", reason: "Support closed this ticket." },
      };
      await sendSse(res, `data: ${JSON.stringify({ type: "thread.updated", thread })}\n\n`);
    });
    renderConnected();
    expect(screen.getByRole("form")).toHaveAttribute("data-thread-status", "active");
    await user.type(input(), "one more thing{Enter}");
    const reason = await screen.findByText("Support closed this ticket.");
    expect(reason).toBeVisible();
    expect(input()).toBeDisabled();
    expect(input()).toHaveAttribute("aria-describedby", reason.id);
    expect(screen.getByRole("form")).toHaveAttribute("data-thread-status", "locked");
    expect(screen.getByRole("button", { name: "Add attachments" })).toBeDisabled();
  });

  it("offers Stop while the server allows cancelling, and it stops the response", async () => {
    const user = userEvent.setup();
    let allowCancel = true;
    server = await startServer(async (_request, res) => {
      const options = `data: {"type":"stream_options","stream_options":{"allow_cancel":${allowCancel}}}\n\n`;
      await sendSse(res, `${options}data: {"type":"progress_update","text":"Working"}\n\n`, {
        keepOpen: true,
      });
    });
    const clients = { protocol: createChatKitClient({ url: server.url, maxRetries: 0 }) };
    render(
      <ThreadkitProvider clients={clients}>
        <WithProgress />
      </ThreadkitProvider>,
    );
    await user.type(input(), "first{Enter}");
    // Stop shows from the moment of send; once the stream started, the server's
    // `allow_cancel` keeps it.
    await waitFor(() => expect(input()).toHaveValue(""));
    expect(stopButton()).toBeInTheDocument();
    expect(sendButton()).toBeNull();
    await user.click(stopButton() as HTMLElement);
    await waitFor(() => expect(stopButton()).toBeNull());
    expect(sendButton()).toBeInTheDocument();

    allowCancel = false;
    const progress = screen.getByRole("status", { name: "Progress" });
    await waitFor(() => expect(progress).toBeEmptyDOMElement());
    await user.type(input(), "second{Enter}");
    // The progress update comes after `stream_options`: once it shows, the options are applied.
    await waitFor(() => expect(progress).toHaveTextContent("Working"));
    expect(screen.getByRole("form")).toHaveAttribute("data-running", "");
    expect(stopButton()).toBeNull();
    expect(sendButton()).toBeDisabled();
  });
});
