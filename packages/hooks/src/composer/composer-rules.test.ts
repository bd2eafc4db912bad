import {
  type ComposerAttachment,
  canSubmitDraft,
  checkAttachmentLimits,
  clearSentText,
  limitsFromFileUpload,
  restoreDraft,
  restoreDraftAttachments,
} from "./composer-rules";

const file = (name: string, size: number, type: string) =>
  new File([new Uint8Array(size)], name, { type });

describe("checkAttachmentLimits", () => {
  it("explains every refused file", () => {
    const limits = {
      ...limitsFromFileUpload({ enabled: true, max_files: 2, max_file_size: 1 }),
      accept: ["image/*", ".pdf"],
    };
    const { accepted, rejected } = checkAttachmentLimits(
      [
        file("a.png", 10, "image/png"),
        file("notes.txt", 10, "text/plain"),
        file("big.pdf", 3 * 1024 * 1024, "application/pdf"),
        file("b.pdf", 10, "application/pdf"),
        file("c.png", 10, "image/png"),
      ],
      0,
      limits,
    );
    expect(accepted.map((f) => f.name)).toEqual(["a.png", "b.pdf"]);
    expect(rejected).toEqual([
      {
        name: "notes.txt",
        reason: "type",
        limit: "image/*, .pdf",
        message: '"notes.txt" is not an accepted file type (image/*, .pdf).',
      },
      {
        name: "big.pdf",
        reason: "too_large",
        limit: "1 MB",
        maxSize: 1024 * 1024,
        message: '"big.pdf" is 3 MB; files can be at most 1 MB.',
      },
      {
        name: "c.png",
        reason: "too_many",
        limit: 2,
        message: '"c.png" was not added: at most 2 files per message.',
      },
    ]);
  });

  it("applies a size limit per MIME type, exact types before patterns before the fallback", () => {
    const { accepted, rejected } = checkAttachmentLimits(
      [
        file("photo.png", 300, "image/png"),
        file("scan.jpg", 300, "image/jpeg"),
        file("clip.mp4", 300, "video/mp4"),
        file("notes.txt", 300, "text/plain"),
      ],
      0,
      {
        maxSize: 1000,
        maxSizeByType: { "image/png": 400, "image/*": 200, "*": 250 },
      },
    );
    expect(accepted.map((f) => f.name)).toEqual(["photo.png"]);
    expect(rejected.map((r) => [r.name, r.maxSize])).toEqual([
      ["scan.jpg", 200],
      ["clip.mp4", 250],
      ["notes.txt", 250],
    ]);
    const withoutFallback = checkAttachmentLimits([file("clip.mp4", 300, "video/mp4")], 0, {
      maxSize: 1000,
      maxSizeByType: { "image/*": 200 },
    });
    expect(withoutFallback.accepted).toHaveLength(1);
  });

  it("refuses everything when the session turned uploads off", () => {
    const { accepted, rejected } = checkAttachmentLimits(
      [file("a.png", 1, "image/png")],
      0,
      limitsFromFileUpload({ enabled: false, max_files: null, max_file_size: null }),
    );
    expect(accepted).toEqual([]);
    expect(rejected[0]?.reason).toBe("disabled");
  });
});

describe("canSubmitDraft", () => {
  const done: ComposerAttachment = { id: "a", name: "a.png", mimeType: "image/png" };
  it("sends text or attachments", () => {
    expect(canSubmitDraft({ text: "hi", attachments: [] })).toBe(true);
    expect(canSubmitDraft({ text: "  ", attachments: [] })).toBe(false);
    expect(canSubmitDraft({ text: "", attachments: [done] })).toBe(true);
    expect(canSubmitDraft({ text: "", attachments: [{ ...done, status: "done" }] })).toBe(true);
  });

  it("holds while running, disabled, uploading or after a failed upload", () => {
    expect(canSubmitDraft({ text: "hi", attachments: [], running: true })).toBe(false);
    expect(canSubmitDraft({ text: "hi", attachments: [], disabled: true })).toBe(false);
    expect(canSubmitDraft({ text: "hi", attachments: [{ ...done, status: "uploading" }] })).toBe(
      false,
    );
    expect(canSubmitDraft({ text: "hi", attachments: [{ ...done, status: "error" }] })).toBe(false);
  });
});

describe("the draft around a send", () => {
  it("clears the sent text unless a new draft was typed, and restores it only into an empty one", () => {
    expect(clearSentText("hello", "hello")).toBe("");
    expect(clearSentText("hello again", "hello")).toBe("hello again");
    expect(restoreDraft("", "hello")).toBe("hello");
    expect(restoreDraft("new", "hello")).toBe("new");
    expect(restoreDraft<readonly string[]>([], ["t"])).toEqual(["t"]);
    expect(restoreDraft<readonly string[]>(["u"], ["t"])).toEqual(["u"]);
  });

  it("puts sent attachments back in front, once each", () => {
    const a: ComposerAttachment = { id: "a", name: "a", mimeType: "text/plain" };
    const b: ComposerAttachment = { id: "b", name: "b", mimeType: "text/plain" };
    const c: ComposerAttachment = { id: "c", name: "c", mimeType: "text/plain" };
    expect(restoreDraftAttachments([b, c], [a, b]).map((entry) => entry.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });
});
