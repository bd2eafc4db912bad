import type { InferenceOptions, InputTagContent, UserMessageContent } from "@threadkit/core";
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { preloadRunRuntime } from "../engine/load-run-runtime";
import type { RunResult } from "../engine/run-result";
import { getRunBackend } from "../internal/thread-backend";
import { useThreadkitContext } from "../provider/threadkit-context";
import { type UseRunStreamResult, useRunStream } from "../run/use-run-stream";
import { ThreadContextInternal } from "../thread/thread-context";
import { canUpload, createUploader, type UploadStrategy } from "./attachment-upload";
import {
  type AttachmentLimits,
  type AttachmentRejection,
  type ComposerAttachment,
  canSubmitDraft,
  checkAttachmentLimits,
  clearSentText,
  hasPendingUpload,
  restoreDraft,
  restoreDraftAttachments,
} from "./composer-rules";

/** Options of {@link useComposer}. */
export interface UseComposerOptions {
  /**
   * The run to submit through. Defaults to a run of the current `ThreadProvider`'s thread;
   * pass your `useRunStream` result to share its status with the rest of the UI.
   */
  run?: UseRunStreamResult;
  /** Attachment limits (see `limitsFromFileUpload` for a session's configuration). */
  limits?: AttachmentLimits;
  /** How files are uploaded. @default { type: "two_phase" } */
  upload?: UploadStrategy;
  /** Tool choice and model sent with each message. */
  inferenceOptions?: InferenceOptions;
  /** Initial draft text. */
  initialText?: string;
}

/** What {@link useComposer} returns. */
export interface UseComposerResult {
  /** The draft text. */
  text: string;
  /** Replaces the draft text. */
  setText(text: string): void;
  /**
   * @-mention tags of the draft. Each is sent as an `input_tag` part where `@<text>` stands in
   * the draft (after it, when the draft no longer has it); they leave with the draft.
   */
  tags: readonly InputTagContent[];
  /** Replaces the draft's tags. */
  setTags(tags: readonly InputTagContent[]): void;
  /**
   * Attachments in the order they were added, each with its `file`, upload `status` and
   * `progress`, and the server's `attachment` once uploaded.
   */
  attachments: readonly ComposerAttachment[];
  /** Checks files against the limits, then uploads the accepted ones. Returns the rejections. */
  addFiles(files: Iterable<File> | ArrayLike<File>): AttachmentRejection[];
  /** Removes an attachment (aborting its upload). */
  removeAttachment(id: string): void;
  /** Files refused by the last `addFiles`, with a message each. */
  rejections: readonly AttachmentRejection[];
  /** Clears `rejections`. */
  clearRejections(): void;
  /** Whether `submit` would send (text or attachments, nothing uploading, no run in flight). */
  canSubmit: boolean;
  /** Whether any attachment is still uploading. */
  isUploading: boolean;
  /**
   * Whether files can be attached: the run's backend takes attachments (the hosted REST API
   * does not), or `upload` is a custom uploader. Leave the attach button out when `false`;
   * `addFiles` then refuses every file with reason `"disabled"`.
   */
  canAttach: boolean;
  /**
   * Sends the draft through the run. Text and attachments leave the composer as soon as the
   * server accepted the send (its stream started), not when the reply ends; a send that fails
   * before that keeps them, and one whose message never reached the thread puts them back
   * (unless the user typed a new draft meanwhile). When the failed send is sent again by the
   * run's `retry()` (the thread's "Try again"), they leave once that attempt is accepted, the
   * same way. Resolves when the response ends.
   */
  submit(): Promise<RunResult | null>;
  /** Clears text and attachments. */
  reset(): void;
}

let localIds = 0;

const TWO_PHASE: UploadStrategy = { type: "two_phase" };

/**
 * Draft text and attachments of a message, with uploads, limits and submit.
 *
 * @example
 * ```tsx
 * const composer = useComposer({ run });
 * <textarea value={composer.text} onChange={(e) => composer.setText(e.target.value)} />
 * <button disabled={!composer.canSubmit} onClick={composer.submit}>Send</button>
 * ```
 */
export function useComposer(options: UseComposerOptions = {}): UseComposerResult {
  const context = useThreadkitContext("useComposer");
  const thread = useContext(ThreadContextInternal);
  const ownRun = useRunStream(options.run ? null : (thread?.threadId ?? null));
  const run = options.run ?? ownRun;

  const [text, setText] = useState(options.initialText ?? "");
  const [tags, setTags] = useState<readonly InputTagContent[]>([]);
  const [attachments, setAttachments] = useState<readonly ComposerAttachment[]>([]);
  const [rejections, setRejections] = useState<readonly AttachmentRejection[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  const latest = useRef(options);
  latest.current = options;
  const attachmentsRef = useRef(attachments);
  attachmentsRef.current = attachments;

  useEffect(
    () => () => {
      for (const abort of aborts.current.values()) abort.abort();
    },
    [],
  );

  // Typing or attaching shows the intent to send: the code that runs responses starts loading
  // (if the browser's idle time has not loaded it yet).
  const hasDraft = text !== "" || attachments.length > 0;
  useEffect(() => {
    if (hasDraft) preloadRunRuntime();
  }, [hasDraft]);

  const patch = useCallback((id: string, change: Partial<ComposerAttachment>) => {
    setAttachments((list) =>
      list.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)),
    );
  }, []);

  const backend = getRunBackend(run, context.clients);
  const backendRef = useRef(backend);
  backendRef.current = backend;
  const canAttach = canUpload(options.upload ?? TWO_PHASE, backend);

  const addFiles = useCallback(
    (files: Iterable<File> | ArrayLike<File>) => {
      const strategy = latest.current.upload ?? TWO_PHASE;
      const limits = latest.current.limits ?? {};
      const { accepted, rejected } = checkAttachmentLimits(
        Array.from(files),
        attachmentsRef.current.length,
        // A backend without attachments refuses files as attachments turned off would.
        canUpload(strategy, backendRef.current) ? limits : { ...limits, enabled: false },
      );
      setRejections(rejected);
      const upload = createUploader(strategy, () => backendRef.current);
      const added = accepted.map((file): ComposerAttachment & { file: File } => ({
        id: `attachment_${++localIds}`,
        name: file.name,
        mimeType: file.type || "application/octet-stream",
        file,
        status: "uploading",
        progress: 0,
        previewUrl: null,
        attachment: null,
        error: null,
      }));
      setAttachments((list) => [...list, ...added]);
      for (const entry of added) {
        const abort = new AbortController();
        aborts.current.set(entry.id, abort);
        upload(entry.file, {
          signal: abort.signal,
          onProgress: (progress) => patch(entry.id, { progress }),
        }).then(
          (attachment) => {
            aborts.current.delete(entry.id);
            patch(entry.id, {
              status: "done",
              progress: 1,
              attachment,
              previewUrl: attachment.type === "image" ? attachment.preview_url : null,
            });
          },
          (error: unknown) => {
            aborts.current.delete(entry.id);
            if (abort.signal.aborted) return;
            const reason = error instanceof Error ? error : new Error(String(error));
            patch(entry.id, { status: "error", error: reason.message });
            context.reportError(reason);
          },
        );
      }
      return rejected;
    },
    [context, patch],
  );

  const removeAttachment = useCallback(
    (id: string) => {
      aborts.current.get(id)?.abort();
      aborts.current.delete(id);
      const entry = attachmentsRef.current.find((item) => item.id === id);
      setAttachments((list) => list.filter((item) => item.id !== id));
      const backend = backendRef.current;
      if (entry?.attachment && backend?.capabilities.attachments) {
        backend.deleteAttachment(entry.attachment.id).catch((error: unknown) => {
          context.log("composer.attachment_delete_failed", {
            id: entry.attachment?.id,
            message: error instanceof Error ? error.message : String(error),
          });
        });
      }
    },
    [context],
  );

  const isUploading = hasPendingUpload(attachments);
  const canSubmit = canSubmitDraft({ text, attachments, running: run.isRunning });

  const reset = useCallback(() => {
    for (const abort of aborts.current.values()) abort.abort();
    aborts.current.clear();
    setText("");
    setTags([]);
    setAttachments([]);
    setRejections([]);
  }, []);

  const submit = useCallback(async (): Promise<RunResult | null> => {
    if (!canSubmit) return null;
    const sentEntries = attachments.filter((entry) => entry.attachment != null);
    const sent = sentEntries.flatMap((entry) => (entry.attachment ? [entry.attachment] : []));
    // Entries are matched by local id: a late progress update replaces the entry objects.
    const sentIds = new Set(sentEntries.map((entry) => entry.id));
    const inferenceOptions = latest.current.inferenceOptions;
    const sentTags = tags;
    let cleared = false;
    return run.send(
      {
        ...(sentTags.length > 0 ? { content: taggedContent(text, sentTags) } : { text }),
        attachments: sent,
        ...(inferenceOptions ? { inferenceOptions } : {}),
      },
      {
        // The server took the send: the draft leaves now, while the reply streams.
        onAccepted: () => {
          cleared = true;
          setText((current) => clearSentText(current, text));
          setTags((current) => (current === sentTags ? [] : current));
          setAttachments((list) => list.filter((entry) => !sentIds.has(entry.id)));
        },
        // The message never reached the thread: what was cleared comes back for editing.
        onLost: () => {
          if (!cleared) return;
          cleared = false;
          setText((current) => restoreDraft(current, text));
          setTags((current) => restoreDraft(current, sentTags));
          setAttachments((list) => restoreDraftAttachments(list, sentEntries));
        },
      },
    );
  }, [canSubmit, attachments, run, text, tags]);

  return useMemo(
    () => ({
      text,
      setText,
      tags,
      setTags,
      attachments,
      addFiles,
      removeAttachment,
      rejections,
      clearRejections: () => setRejections([]),
      canSubmit,
      isUploading,
      canAttach,
      submit,
      reset,
    }),
    [
      text,
      tags,
      attachments,
      addFiles,
      removeAttachment,
      rejections,
      canSubmit,
      isUploading,
      canAttach,
      submit,
      reset,
    ],
  );
}

/**
 * The draft as message parts: each tag's `@<text>` in the draft becomes its `input_tag`, in
 * order; a tag whose token was edited away follows the text.
 */
function taggedContent(text: string, tags: readonly InputTagContent[]): UserMessageContent[] {
  const parts: UserMessageContent[] = [];
  const rest: InputTagContent[] = [];
  let remaining = text;
  for (const tag of tags) {
    const index = remaining.indexOf(`@${tag.text}`);
    if (index < 0) {
      rest.push(tag);
      continue;
    }
    if (index > 0) parts.push({ type: "input_text", text: remaining.slice(0, index) });
    parts.push(tag);
    remaining = remaining.slice(index + tag.text.length + 1);
  }
  if (remaining !== "") parts.push({ type: "input_text", text: remaining });
  parts.push(...rest);
  // The draft's leading and trailing white space is not sent (a space typed after a tag).
  const first = parts[0];
  if (first?.type === "input_text") parts[0] = { ...first, text: first.text.trimStart() };
  const last = parts[parts.length - 1];
  if (last?.type === "input_text") parts[parts.length - 1] = { ...last, text: last.text.trimEnd() };
  return parts.filter((part) => part.type !== "input_text" || part.text !== "");
}
