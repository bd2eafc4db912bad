import { CircleAlert, LoaderCircle, Mic, Square, X } from "lucide-react";
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from "react";
import { useThreadUI } from "../context";
import type { MessageKey } from "../i18n/messages";
import { useComposerContext } from "./composer";

/** Props of {@link ComposerDictation}. */
export interface ComposerDictationProps
  extends Omit<ComponentPropsWithoutRef<"button">, "children"> {
  /** Turns recorded audio into text (`input.transcribe` of the ChatKit protocol). */
  onTranscribe: (audio: Blob, mimeType: string) => Promise<string>;
}

type DictationError = { key: MessageKey; message?: string };

/** The audio types of `input.transcribe`, in order of preference. */
const MIME_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"];

/**
 * Dictation: the first press records from the microphone (`MediaRecorder`), the second stops,
 * and the transcription is added to the draft (after what was typed, which is never replaced).
 * A denied permission, a missing microphone, a browser without `MediaRecorder` and a failed
 * transcription each show a message under the row, with a dismiss button.
 *
 * @selector [data-tk-part="composer-dictation"][data-state="idle"|"recording"|"transcribing"]
 * @selector [data-tk-part="composer-dictation-error"]
 */
export const ComposerDictation = forwardRef<HTMLButtonElement, ComposerDictationProps>(
  function ComposerDictation({ onTranscribe, onClick, ...props }, ref) {
    const ctx = useComposerContext("Composer.Dictation");
    const { t } = useThreadUI();
    const [state, setState] = useState<"idle" | "starting" | "recording" | "transcribing">("idle");
    const [error, setError] = useState<DictationError | null>(null);
    const recorder = useRef<MediaRecorder | null>(null);
    const stream = useRef<MediaStream | null>(null);
    const mounted = useRef(true);
    const transcribe = useRef(onTranscribe);
    transcribe.current = onTranscribe;
    useEffect(() => {
      mounted.current = true;
      return () => {
        mounted.current = false;
        if (recorder.current?.state === "recording") recorder.current.stop();
        for (const track of stream.current?.getTracks() ?? []) track.stop();
      };
    }, []);

    const release = () => {
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      stream.current = null;
      recorder.current = null;
    };

    const start = async () => {
      setError(null);
      const media = globalThis.navigator?.mediaDevices;
      if (!media?.getUserMedia || typeof MediaRecorder === "undefined") {
        setError({ key: "composer.dictationUnsupported" });
        return;
      }
      setState("starting");
      let audio: MediaStream;
      try {
        audio = await media.getUserMedia({ audio: true });
      } catch (reason) {
        if (!mounted.current) return;
        setState("idle");
        const name = reason instanceof Error ? reason.name : "";
        setError(
          name === "NotAllowedError" || name === "SecurityError"
            ? { key: "composer.dictationDenied" }
            : name === "NotFoundError" || name === "OverconstrainedError"
              ? { key: "composer.dictationNoDevice" }
              : { key: "composer.dictationFailed", message: errorMessage(reason) },
        );
        return;
      }
      if (!mounted.current) {
        for (const track of audio.getTracks()) track.stop();
        return;
      }
      stream.current = audio;
      const mimeType = MIME_TYPES.find((type) => MediaRecorder.isTypeSupported?.(type));
      const rec = new MediaRecorder(audio, mimeType ? { mimeType } : undefined);
      recorder.current = rec;
      const chunks: Blob[] = [];
      rec.addEventListener("dataavailable", (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      });
      rec.addEventListener("stop", () => {
        release();
        if (!mounted.current) return;
        const type = (rec.mimeType || mimeType || chunks[0]?.type || "audio/webm").trim();
        const blob = new Blob(chunks, { type });
        setState("transcribing");
        Promise.resolve()
          .then(() => transcribe.current(blob, type))
          .then(
            (text) => {
              if (!mounted.current) return;
              setState("idle");
              const spoken = String(text ?? "").trim();
              if (spoken === "") return;
              const current = ctx.valueRef.current;
              const joiner = current === "" || /\s$/.test(current) ? "" : " ";
              ctx.setValue(current + joiner + spoken);
              ctx.inputRef.current?.focus();
            },
            (reason: unknown) => {
              if (!mounted.current) return;
              setState("idle");
              setError({ key: "composer.dictationFailed", message: errorMessage(reason) });
            },
          );
      });
      rec.start();
      setState("recording");
    };

    const recording = state === "recording";
    const busy = state === "starting" || state === "transcribing";
    const label = recording
      ? t("composer.dictationStop")
      : state === "transcribing"
        ? t("composer.dictationTranscribing")
        : t("composer.dictation");
    return (
      <>
        <button
          type="button"
          data-tk-part="composer-dictation"
          data-state={state === "starting" ? "idle" : state}
          aria-label={label}
          aria-pressed={recording}
          title={label}
          disabled={ctx.disabled || busy}
          {...props}
          ref={ref}
          onClick={(event) => {
            onClick?.(event);
            if (event.defaultPrevented) return;
            if (recording) recorder.current?.stop();
            else if (state === "idle") void start();
          }}
        >
          {recording ? (
            <Square aria-hidden size={12} fill="currentColor" />
          ) : state === "transcribing" ? (
            <LoaderCircle aria-hidden size={18} data-tk-part="spinner" />
          ) : (
            <Mic aria-hidden size={18} />
          )}
        </button>
        {error ? (
          <p data-tk-part="composer-dictation-error" role="alert">
            <CircleAlert aria-hidden size={14} />
            <span>{t(error.key, { message: error.message ?? "" })}</span>
            <button
              type="button"
              data-tk-part="composer-rejections-dismiss"
              aria-label={t("composer.dismissRejections")}
              onClick={() => setError(null)}
            >
              <X aria-hidden size={14} />
            </button>
          </p>
        ) : null}
      </>
    );
  },
);
ComposerDictation.displayName = "Composer.Dictation";

function errorMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
