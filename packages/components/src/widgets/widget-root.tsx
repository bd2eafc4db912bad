import type { ActionConfig, WidgetIssue, WidgetRoot } from "@threadkit/core";
import {
  type ComponentType,
  forwardRef,
  type HTMLAttributes,
  lazy,
  type RefAttributes,
  Suspense,
  useState,
} from "react";
import type { WidgetActionHandler, WidgetRegistry } from "./context";
import { preloadWidgetIcons } from "./icon";

/** Props of {@link WidgetRoot}. */
export interface WidgetRootProps extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /**
   * The widget: a root object as streamed, or a JSON string (hosted REST items). It is validated
   * before rendering; invalid props are ignored, unknown types render a named placeholder.
   */
  widget: WidgetRoot | string | unknown;
  /** The widget item's id, passed to action handlers. */
  itemId?: string | undefined;
  /**
   * Receives server-handled actions (`handler` absent or `"server"`), for a
   * `threads.custom_action` request. Return a promise to show loading until it settles.
   */
  onAction?: WidgetActionHandler | undefined;
  /** Receives client-handled actions (`handler: "client"`). */
  onClientAction?: WidgetActionHandler | undefined;
  /** Called when an action handler throws or rejects. @default console.error */
  onActionError?: ((error: unknown, action: ActionConfig) => void) | undefined;
  /**
   * Replacement components by widget type (`{ Button: MyButton }`); each receives `{ node }`.
   * Keep the object stable (define it outside render): a new object re-renders the whole widget.
   */
  components?: WidgetRegistry | undefined;
  /** Allow `data:image/*` image sources. @default the ThreadUIProvider's `allowDataImages`, else false */
  allowDataImages?: boolean | undefined;
  /**
   * Hosts image sources and status favicons may load from (the thread's `allowed_image_domains`;
   * `null`: no restriction, `[]`: no remote images). @default the ThreadUIProvider's `allowedImageDomains`, else null
   */
  allowedImageDomains?: readonly string[] | null | undefined;
  /** Receives the validation findings whenever the widget changes. */
  onIssues?: ((issues: WidgetIssue[]) => void) | undefined;
}

type Impl = ComponentType<WidgetRootProps & RefAttributes<HTMLDivElement>>;

// The catalogue (every widget component, Radix fields, actions, validation) is its own chunk: a
// page whose thread shows no widget never loads it.
let impl: Impl | undefined;
let implPromise: Promise<Impl> | undefined;

/**
 * Starts loading the widget catalogue (and the icons of ChatKit's built-in names) ahead of the
 * first widget, e.g. when a thread that holds widget items opens. Resolves when widgets render
 * without waiting.
 */
export function preloadWidgets(): Promise<void> {
  implPromise ??= import("./widget-root-impl").then((module) => {
    impl = module.WidgetRootImpl;
    return impl;
  });
  void preloadWidgetIcons().catch(() => undefined);
  return implPromise.then(() => undefined);
}

const LazyImpl = lazy(async () => {
  await preloadWidgets();
  return { default: impl as Impl };
});

/**
 * Renders a ChatKit widget tree: validates it, renders each node with the registry's component,
 * gathers form values into actions and shows their loading states. A streamed update that copies
 * only the changed path re-renders only that path.
 *
 * The catalogue loads with the first widget ({@link preloadWidgets} starts it earlier); until then
 * the root element is there, empty, with `data-loading` and the same `className` and `style`.
 *
 * @selector [data-tk-part="widget"] [data-widget-type] [data-loading]
 * @selector [data-tk-part="widget-error"]
 * @example
 * <Widget.Root widget={item.widget} itemId={item.id} onAction={(action) => sendCustomAction(action)} />
 */
export const WidgetRootView = forwardRef<HTMLDivElement, WidgetRootProps>(
  function WidgetRootView(props, ref) {
    // Decided once per instance: switching from the lazy path to the loaded one would remount it.
    const [Ready] = useState(() => impl);
    if (Ready !== undefined) return <Ready {...props} ref={ref} />;
    return (
      <Suspense
        fallback={
          <div
            data-tk-part="widget"
            data-loading=""
            aria-busy="true"
            id={props.id}
            className={props.className}
            style={props.style}
          />
        }
      >
        <LazyImpl {...props} ref={ref} />
      </Suspense>
    );
  },
);
WidgetRootView.displayName = "Widget.Root";
