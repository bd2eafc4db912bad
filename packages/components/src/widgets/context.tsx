import {
  type ActionConfig,
  nestFormValues,
  runWidgetAction,
  type WidgetActionBinding,
  type WidgetFormValue,
  type WidgetNode,
  type WidgetRoot,
} from "@threadkit/core";
import {
  type ComponentType,
  createContext,
  type MutableRefObject,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { readWidgetFormEntries } from "./actions";

/** What an action handler learns about where the action came from. */
export interface WidgetActionContext {
  /** The id of the widget thread item, when the widget belongs to one. */
  itemId: string | undefined;
  /** The widget root the action was fired in. */
  widget: WidgetRoot;
}

/**
 * Handles a widget action. Return a promise to show the action's loading state until it settles.
 * The action carries `{ type, payload, handler, loadingBehavior, streaming }`, with form values
 * already merged into `payload`.
 */
export type WidgetActionHandler = (action: ActionConfig, context: WidgetActionContext) => unknown;

/** Props every widget component receives. */
export interface WidgetComponentProps<TNode extends WidgetNode = WidgetNode> {
  /** The validated node. Render its children with `WidgetChildren`. */
  node: TNode;
}

/** A component that renders one widget type. */
export type WidgetComponentType = ComponentType<WidgetComponentProps<any>>;

/** Replacement components by widget `type` (`{ Button: MyButton }`). */
export type WidgetRegistry = Readonly<Record<string, WidgetComponentType | undefined>>;

/** How to dispatch one action. */
export interface DispatchOptions {
  binding: WidgetActionBinding;
  /** The form whose fields go into the payload (the nearest Form / Card asForm). */
  form?: HTMLFormElement | null | undefined;
  /** Values that win over the form's (a change action's new value, by field name). */
  values?: Readonly<Record<string, WidgetFormValue>> | undefined;
  /** Toggles the bound node's own loading state (`loadingBehavior: "self"`). */
  setSelfLoading?: ((loading: boolean) => void) | undefined;
}

/** The per-widget runtime shared by every node. Stable for the life of the widget. */
export interface WidgetRuntime {
  registry: WidgetRegistry;
  /** Sends an action to the right handler; resolves when it settled. */
  dispatch: (action: ActionConfig, options: DispatchOptions) => Promise<void>;
  allowDataImages: boolean;
  /** The thread's `allowed_image_domains` for widget images and favicons (`null`: no restriction). */
  allowedImageDomains: readonly string[] | null;
  /** Logs a development warning once per message. */
  warn: (message: string) => void;
  /** A prefix for element ids unique to this widget instance. */
  idPrefix: string;
}

export const WidgetRuntimeContext = createContext<WidgetRuntime | null>(null);

/** The runtime of the enclosing widget. */
export function useWidgetRuntime(): WidgetRuntime {
  const runtime = useContext(WidgetRuntimeContext);
  if (runtime === null) {
    throw new Error("Widget components must be rendered within `Widget.Root`");
  }
  return runtime;
}

/** The nearest form of a widget (Form or Card asForm). */
export interface WidgetFormScope {
  formRef: MutableRefObject<HTMLFormElement | null>;
  /** Set by a submit Button just before the native submit event. */
  submitterRef: MutableRefObject<{
    action: ActionConfig | undefined;
    setSelfLoading: (loading: boolean) => void;
  } | null>;
}

export const WidgetFormContext = createContext<WidgetFormScope | null>(null);

/** The enclosing widget form, if any. */
export function useWidgetForm(): WidgetFormScope | null {
  return useContext(WidgetFormContext);
}

/** A fresh form scope for a Form-like component. */
export function useFormScope(): WidgetFormScope {
  const formRef = useRef<HTMLFormElement | null>(null);
  const submitterRef: WidgetFormScope["submitterRef"] = useRef(null);
  const [scope] = useState<WidgetFormScope>(() => ({ formRef, submitterRef }));
  return scope;
}

/**
 * Binds an action to a node: returns `[fire, loading, setLoading]`. `fire` is `null` when there is no action
 * (so the caller can render a plain, non-interactive element). While the node's own action is
 * pending, `fire` ignores new calls.
 */
export function useWidgetActionTrigger(
  action: ActionConfig | undefined,
  binding: WidgetActionBinding,
): [
  ((values?: Readonly<Record<string, WidgetFormValue>>) => void) | null,
  boolean,
  (loading: boolean) => void,
] {
  const runtime = useWidgetRuntime();
  const form = useWidgetForm();
  const [loading, setLoading] = useState(false);
  const pending = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const setSelfLoading = useCallback((value: boolean) => {
    pending.current = value;
    if (mounted.current) setLoading(value);
  }, []);
  const fire = useCallback(
    (values?: Readonly<Record<string, WidgetFormValue>>) => {
      if (action === undefined || pending.current) return;
      void runtime.dispatch(action, {
        binding,
        form: form?.formRef.current,
        values,
        setSelfLoading,
      });
    },
    [action, binding, form, runtime, setSelfLoading],
  );
  return [action === undefined ? null : fire, loading, setSelfLoading];
}

/**
 * Reads the action's form and hands it to core's `runWidgetAction`, which merges the values, routes
 * the action to `onAction` or `onClientAction` and reports its loading state.
 */
export function dispatchWidgetAction(
  action: ActionConfig,
  options: DispatchOptions,
  handlers: {
    onAction: WidgetActionHandler | undefined;
    onClientAction: WidgetActionHandler | undefined;
    onActionError: ((error: unknown, action: ActionConfig) => void) | undefined;
    setContainerLoading: (delta: 1 | -1) => void;
    context: WidgetActionContext;
    warn: (message: string) => void;
  },
): Promise<void> {
  const entries = options.form
    ? readWidgetFormEntries(options.form)
    : new Map<string, WidgetFormValue>();
  if (options.values) {
    for (const [name, value] of Object.entries(options.values)) entries.set(name, value);
  }
  const { onAction, onClientAction, context } = handlers;
  return runWidgetAction(action, {
    values: entries.size > 0 ? nestFormValues(entries) : undefined,
    binding: options.binding,
    client: onClientAction && ((sent) => onClientAction(sent, context)),
    server: onAction && ((sent) => onAction(sent, context)),
    onCollision: (name) =>
      handlers.warn(
        `Form field "${name}" collides with a payload key of action "${action.type}"; the field value was left out.`,
      ),
    onUnhandled: (_sent, route) => {
      const client = route === "client";
      handlers.warn(
        `Widget action "${action.type}" (${client ? "client" : "server"}) has no handler; pass \`${
          client ? "onClientAction" : "onAction"
        }\` to Widget.Root.`,
      );
    },
    onLoading: (loading, behavior) => {
      if (behavior === "self") options.setSelfLoading?.(loading);
      if (behavior === "container") handlers.setContainerLoading(loading ? 1 : -1);
    },
    onError: handlers.onActionError,
  });
}
