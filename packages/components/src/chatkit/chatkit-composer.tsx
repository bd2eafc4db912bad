import type { InferenceOptions } from "@threadkit/core";
import type { AttachmentLimits, UseComposerResult, UseRunStreamResult } from "@threadkit/hooks";
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Composer from "../composer";
import type { ComposerRootProps } from "../composer/composer";
import { defaultModelId } from "../composer/composer-options";
import { useComposerRootProps } from "../composer/connected-composer";
import type { ComposerCommand, ComposerEntity } from "../composer/mention-state";
import { useThreadUI } from "../context";
import { WidgetRootView } from "../widgets/widget-root";
import type { ComposerOption, Entity, UseChatKitOptions } from "./options";

/** The composer's tool and model selection, as `composer.tools` / `composer.models` set them up. */
export interface ComposerSelections {
  toolId: string | null;
  /** Selects a tool (`null` clears it) and reports a change to `onToolChange`. */
  setToolId(toolId: string | null): void;
  modelId: string | null;
  setModelId(modelId: string | null): void;
  /** What the next message sends as `inference_options`. */
  inferenceOptions: InferenceOptions | undefined;
}

/** Holds the selected tool and model; the latest options come through `latest`. */
export function useComposerSelections(
  composer: ComposerOption | undefined,
  latest: RefObject<UseChatKitOptions>,
): ComposerSelections {
  const tools = composer?.tools;
  const models = composer?.models;
  const [toolId, setToolState] = useState<string | null>(null);
  const [modelId, setModelState] = useState<string | null>(() => defaultModelId(models));
  const toolRef = useRef(toolId);
  const setToolId = useCallback(
    (next: string | null) => {
      if (toolRef.current === next) return;
      toolRef.current = next;
      setToolState(next);
      latest.current.onToolChange?.({ toolId: next });
    },
    [latest],
  );
  // A tool or model that left the options is no longer selected.
  useEffect(() => {
    if (toolRef.current !== null && !tools?.some((tool) => tool.id === toolRef.current)) {
      setToolId(null);
    }
  }, [tools, setToolId]);
  useEffect(() => {
    setModelState((current) =>
      current !== null && models?.some((model) => model.id === current && !model.disabled)
        ? current
        : defaultModelId(models),
    );
  }, [models]);
  const setModelId = useCallback((next: string | null) => setModelState(next), []);
  const inferenceOptions = useMemo<InferenceOptions | undefined>(
    () =>
      toolId !== null || modelId !== null
        ? {
            ...(toolId !== null ? { tool_choice: { id: toolId } } : {}),
            ...(modelId !== null ? { model: modelId } : {}),
          }
        : undefined,
    [toolId, modelId],
  );
  return { toolId, setToolId, modelId, setModelId, inferenceOptions };
}

/** An entity as ChatKit's callbacks take it. */
function toEntity(entity: ComposerEntity): Entity {
  return {
    id: entity.id,
    title: entity.title,
    ...(entity.icon ? { icon: entity.icon } : {}),
    ...(entity.interactive !== undefined ? { interactive: entity.interactive } : {}),
    ...(entity.group ? { group: entity.group } : {}),
    ...(entity.data ? { data: entity.data as Record<string, string> } : {}),
  };
}

/** Audio bytes as base64, for `input.transcribe`. */
async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** The composer of `<ChatKit>`, with the options of `composer` and `entities`. */
export function ChatKitComposer({
  composer,
  run,
  options,
  latest,
  selections,
  limits,
  threadStatus,
  inputRef,
}: {
  composer: UseComposerResult;
  run: UseRunStreamResult;
  options: UseChatKitOptions;
  latest: RefObject<UseChatKitOptions>;
  selections: ComposerSelections;
  limits: AttachmentLimits;
  threadStatus: ComposerRootProps["threadStatus"];
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useThreadUI();
  // Dictation and uploads go to the run's backend; what it cannot do is left out.
  const backend = run.backend ?? null;
  const canTranscribe = backend?.capabilities.transcribe === true;
  const attachmentsEnabled = limits.enabled === true && composer.canAttach;
  const bound = useComposerRootProps(composer, run, { limits, attachmentsEnabled });
  const composerOptions = options.composer;
  const tools = composerOptions?.tools ?? [];
  const models = composerOptions?.models ?? [];
  const tool = tools.find((item) => item.id === selections.toolId);
  const dictation = composerOptions?.dictation?.enabled === true && canTranscribe;
  const entities = options.entities;
  const { setToolId } = selections;
  const onSubmit = bound.onSubmit;
  const submit = useCallback<NonNullable<ComposerRootProps["onSubmit"]>>(
    (message) => {
      const result = onSubmit?.(message);
      // As in ChatKit, a tool stays selected after sending only when it is `persistent`.
      if (tool && !tool.persistent) setToolId(null);
      return result;
    },
    [onSubmit, tool, setToolId],
  );
  const onTranscribe = useCallback(
    async (audio: Blob, mimeType: string) => {
      if (!backend) throw new Error("Dictation needs a ChatKit server.");
      const result = await backend.transcribe({ audioBase64: await toBase64(audio), mimeType });
      return result.text;
    },
    [backend],
  );
  const hasSearch = entities?.onTagSearch !== undefined;
  const hasPreview = entities?.onRequestPreview !== undefined;
  const hasClick = entities?.onClick !== undefined;
  const entityProps = useMemo<Partial<ComposerRootProps>>(
    () => ({
      ...(hasSearch
        ? {
            onTagSearch: async (query: string) =>
              ((await latest.current.entities?.onTagSearch?.(query)) ?? []) as ComposerEntity[],
          }
        : {}),
      ...(hasPreview
        ? {
            onTagPreview: async (tag: ComposerEntity) => {
              const answer = await latest.current.entities?.onRequestPreview?.(toEntity(tag));
              return answer?.preview ? <WidgetRootView widget={answer.preview} /> : null;
            },
          }
        : {}),
      ...(hasClick
        ? { onTagClick: (tag: ComposerEntity) => latest.current.entities?.onClick?.(toEntity(tag)) }
        : {}),
    }),
    [hasSearch, hasPreview, hasClick, latest],
  );
  const commands = options.commands;
  const hasCommands = commands?.enabled === true && commands.onSearch !== undefined;
  const commandProps = useMemo<Partial<ComposerRootProps>>(
    () =>
      hasCommands
        ? {
            onCommandSearch: async (query: string) =>
              (await latest.current.commands?.onSearch?.(query)) ?? [],
            onCommandSelect: async (command: ComposerCommand) => {
              const selection = await latest.current.commands?.onSelect?.(command);
              if (!selection) return undefined;
              return selection.type === "entity"
                ? { type: "entity", entity: selection.entity as ComposerEntity }
                : selection;
            },
          }
        : {},
    [hasCommands, latest],
  );
  const hasOptions = tools.length > 0 || models.length > 0;
  return (
    <Composer.Root
      {...bound}
      {...entityProps}
      {...commandProps}
      onSubmit={submit}
      threadStatus={threadStatus ?? null}
      // The file picker offers only `composer.attachments.accept`; `useComposer` checks the rest.
      {...(limits.accept?.length ? { accept: limits.accept.join(",") } : {})}
    >
      <Composer.Attachments />
      <Composer.Rejections />
      <Composer.Mentions />
      <Composer.Commands />
      <div data-tk-part="composer-row">
        {attachmentsEnabled ? <Composer.AddAttachment /> : null}
        {hasSearch && entities?.showComposerMenu === true ? <Composer.MentionButton /> : null}
        <Composer.Input
          ref={inputRef}
          placeholder={
            tool?.placeholderOverride ?? composerOptions?.placeholder ?? t("chatkit.placeholder")
          }
        />
        {dictation ? <Composer.Dictation onTranscribe={onTranscribe} /> : null}
        <Composer.Stop />
        <Composer.Submit />
      </div>
      {hasOptions ? (
        <div data-tk-part="composer-options">
          <Composer.ToolMenu
            tools={tools}
            value={selections.toolId}
            onValueChange={selections.setToolId}
          />
          <Composer.ModelPicker
            models={models}
            value={selections.modelId}
            onValueChange={selections.setModelId}
          />
        </div>
      ) : null}
      <Composer.Status />
    </Composer.Root>
  );
}
