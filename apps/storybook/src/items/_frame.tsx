import { type ThreadUIOptions, ThreadUIProvider } from "@threadkit/components";
import "@threadkit/components/styles.css";
import { type ReactNode, useState } from "react";

/** Story frame: a themed, directed surface that also hosts portaled dialogs and tooltips. */
export function Frame({
  scheme,
  width = 720,
  children,
  ...options
}: ThreadUIOptions & { scheme?: "light" | "dark"; width?: number; children: ReactNode }) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  // Without an explicit scheme or locale the toolbar's theme, density and locale apply.
  const dir = options.locale ? (options.locale.startsWith("ar") ? "rtl" : "ltr") : undefined;
  return (
    <ThreadUIProvider {...options} portalContainer={element}>
      <div
        ref={setElement}
        data-tk-theme={scheme}
        dir={dir}
        lang={options.locale}
        style={{
          maxWidth: width,
          padding: 24,
          borderRadius: 16,
          background: "var(--tk-color-bg)",
          color: "var(--tk-color-fg)",
          fontFamily: "var(--tk-font-sans)",
          fontSize: "var(--tk-font-size)",
          lineHeight: "var(--tk-line-height)",
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
