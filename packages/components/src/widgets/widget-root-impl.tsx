// The widget catalogue behind `Widget.Root`: loaded with the first widget (see widget-root.tsx).
import { safeParseWidgetRoot, type WidgetNode } from "@threadkit/core";
import {
  forwardRef,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useThreadUI } from "../context";
import {
  dispatchWidgetAction,
  type WidgetRegistry,
  type WidgetRuntime,
  WidgetRuntimeContext,
} from "./context";
import { WidgetLabelsContext } from "./fields";
import { WidgetNodeView } from "./node";
import { defaultWidgetRegistry } from "./registry";
import type { WidgetRootProps } from "./widget-root-props";

const isDev = typeof process === "undefined" || process.env?.NODE_ENV !== "production";
const useIsoLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

const EMPTY: WidgetRegistry = {};

function collectLabels(node: WidgetNode, into: string[]): void {
  if (node.type === "Label" && typeof node.fieldName === "string") into.push(node.fieldName);
  const children = node.children;
  if (Array.isArray(children)) {
    for (const child of children) {
      if (typeof child === "object" && child !== null) collectLabels(child, into);
    }
  } else if (typeof children === "object" && children !== null) {
    collectLabels(children as WidgetNode, into);
  }
}

/**
 * The implementation of {@link WidgetRootView}: renders a ChatKit widget tree: validates it, renders each node with the registry's component,
 * gathers form values into actions and shows their loading states. A streamed update that copies
 * only the changed path re-renders only that path.
 *
 * @selector [data-tk-part="widget"] [data-widget-type] [data-loading]
 * @selector [data-tk-part="widget-error"]
 * @example
 * <Widget.Root widget={item.widget} itemId={item.id} onAction={(action) => sendCustomAction(action)} />
 */
export const WidgetRootImpl = forwardRef<HTMLDivElement, WidgetRootProps>(function WidgetRootImpl(
  {
    widget,
    itemId,
    onAction,
    onClientAction,
    onActionError,
    components = EMPTY,
    allowDataImages,
    allowedImageDomains,
    onIssues,
    ...props
  },
  forwardedRef,
) {
  const ui = useThreadUI();
  const parsed = useMemo(() => safeParseWidgetRoot(widget), [widget]);
  const root = parsed.success ? parsed.root : undefined;

  const latest = useRef({ onAction, onClientAction, onActionError, itemId, root, onIssues });
  latest.current = { onAction, onClientAction, onActionError, itemId, root, onIssues };

  const warned = useRef(new Set<string>());
  const warn = useCallback((message: string) => {
    if (!isDev || warned.current.has(message)) return;
    warned.current.add(message);
    console.warn(`[threadkit] ${message}`);
  }, []);

  const [pending, setPending] = useState(0);
  const setContainerLoading = useCallback((delta: 1 | -1) => {
    setPending((count) => Math.max(0, count + delta));
  }, []);

  const idPrefix = `tkw${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const dataImages = allowDataImages ?? ui.allowDataImages ?? false;
  const imageDomains = allowedImageDomains ?? ui.allowedImageDomains ?? null;
  const runtime = useMemo<WidgetRuntime>(
    () => ({
      // The defaults by value, not by a side-effect import, so no bundler can drop them.
      registry: components ? { ...defaultWidgetRegistry, ...components } : defaultWidgetRegistry,
      allowDataImages: dataImages,
      allowedImageDomains: imageDomains,
      warn,
      idPrefix,
      dispatch: (action, options) => {
        const current = latest.current;
        if (current.root === undefined) return Promise.resolve();
        return dispatchWidgetAction(action, options, {
          onAction: current.onAction,
          onClientAction: current.onClientAction,
          onActionError: current.onActionError,
          setContainerLoading,
          context: { itemId: current.itemId, widget: current.root },
          warn,
        });
      },
    }),
    [components, dataImages, imageDomains, warn, idPrefix, setContainerLoading],
  );

  // One Set per distinct list of labelled names, so fields only re-render when it changes.
  const labelsRef = useRef<{ key: string; set: ReadonlySet<string> }>({ key: "", set: new Set() });
  const labels = useMemo(() => {
    const names: string[] = [];
    if (root !== undefined) collectLabels(root, names);
    const key = names.sort().join("\u0000");
    if (key !== labelsRef.current.key) labelsRef.current = { key, set: new Set(names) };
    return labelsRef.current.set;
  }, [root]);

  useEffect(() => {
    if (parsed.success) {
      for (const issue of parsed.issues) {
        if (issue.severity === "warning")
          warn(`${issue.message} (at ${issue.path.join(".") || "root"})`);
      }
      latest.current.onIssues?.(parsed.issues);
    } else {
      warn(parsed.error.message);
    }
  }, [parsed, warn]);

  const element = useRef<HTMLDivElement | null>(null);
  const loading = pending > 0;
  useIsoLayoutEffect(() => {
    // `inert` as a property: React 18 does not know the attribute.
    if (element.current) element.current.inert = loading;
  }, [loading]);

  const setRef = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      if (typeof forwardedRef === "function") forwardedRef(node);
      else if (forwardedRef) forwardedRef.current = node;
    },
    [forwardedRef],
  );

  let content: ReactNode;
  if (root === undefined) {
    content = (
      <div data-tk-part="widget-error" role="note">
        This widget could not be displayed.
      </div>
    );
  } else {
    content = (
      <WidgetRuntimeContext.Provider value={runtime}>
        <WidgetLabelsContext.Provider value={labels}>
          <WidgetNodeView node={root} />
        </WidgetLabelsContext.Provider>
      </WidgetRuntimeContext.Provider>
    );
  }
  return (
    <div
      data-tk-part="widget"
      data-widget-type={root?.type}
      data-loading={loading ? "" : undefined}
      aria-busy={loading || undefined}
      {...props}
      ref={setRef}
    >
      {content}
    </div>
  );
});
WidgetRootImpl.displayName = "Widget.RootImpl";
