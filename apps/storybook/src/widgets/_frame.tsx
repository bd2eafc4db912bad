import { ThreadUIProvider } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { type ReactNode, useState } from "react";

/** A themed page surface for widget stories; portaled popovers stay inside its theme. */
export function WidgetFrame({
  scheme,
  width = 560,
  children,
}: {
  scheme?: "light" | "dark";
  width?: number | "none";
  children: ReactNode;
}) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  return (
    <ThreadUIProvider portalContainer={element}>
      <div
        ref={setElement}
        data-tk-theme={scheme}
        style={{
          maxWidth: width,
          padding: 24,
          borderRadius: 16,
          background: "var(--tk-color-bg)",
          color: "var(--tk-color-fg)",
          fontFamily: "var(--tk-font-sans)",
          fontSize: "var(--tk-font-size)",
          display: "flex",
          flexDirection: "column",
          gap: 20,
        }}
      >
        {children}
      </div>
    </ThreadUIProvider>
  );
}
