import {
  Composer,
  type ComposerAttachment,
  createTheme,
  type ThemeOptions,
  Thread,
  type ThreadRootProps,
} from "@threadkit/components";
import "@threadkit/components/styles.css";
import { useState } from "react";

/** A full chat surface: thread plus composer, like an app would compose it. */
export function ChatSurface({
  theme,
  height = 640,
  composer = true,
  autoScroll,
  ...props
}: Omit<ThreadRootProps, "theme"> & {
  theme?: ThemeOptions;
  height?: number;
  composer?: boolean;
  /** `Thread.Items autoScroll`. */
  autoScroll?: boolean;
}) {
  const [attachments] = useState<ComposerAttachment[]>([]);
  return (
    <Thread.Root
      {...props}
      theme={createTheme(theme ?? {})}
      style={{
        height,
        border: "1px solid var(--tk-color-border)",
        borderRadius: 16,
        overflow: "hidden",
      }}
    >
      <Thread.Viewport>
        <Thread.Empty />
        <Thread.Items {...(autoScroll === undefined ? {} : { autoScroll })} />
      </Thread.Viewport>
      <Thread.ScrollToBottom />
      {composer ? (
        <div style={{ padding: "0 16px 16px" }}>
          <Composer.Root attachments={attachments} onSubmit={() => {}}>
            <div data-tk-part="composer-row">
              <Composer.Input />
              <Composer.Submit />
            </div>
          </Composer.Root>
        </div>
      ) : null}
    </Thread.Root>
  );
}
