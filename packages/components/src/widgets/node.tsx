import type { WidgetNode } from "@threadkit/core";
import { Component, type ErrorInfo, memo, type ReactNode } from "react";
import { useWidgetRuntime, type WidgetComponentProps, type WidgetRegistry } from "./context";

/** The default component of each widget type; filled in by `registry.tsx`. */
export const defaultWidgetComponents: { current: WidgetRegistry } = { current: {} };

/**
 * A visible placeholder for a widget type this version does not render: it names the type so
 * nothing the server sent silently disappears.
 *
 * @selector [data-tk-part="widget-unknown"]
 */
export function WidgetUnknown({ node }: WidgetComponentProps): ReactNode {
  return (
    <div data-tk-part="widget-unknown" data-widget-type={node.type} role="note">
      Unsupported widget <code>{node.type}</code>
    </div>
  );
}

interface BoundaryProps {
  node: WidgetNode;
  children: ReactNode;
  onError: (error: unknown, info: ErrorInfo) => void;
}

class NodeBoundary extends Component<BoundaryProps, { failed: boolean; node: WidgetNode }> {
  override state = { failed: false, node: this.props.node };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: { node: WidgetNode }) {
    // A new node object (a streamed update) gets a fresh chance to render.
    return props.node !== state.node ? { node: props.node, failed: false } : null;
  }
  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info);
  }
  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <div data-tk-part="widget-unknown" data-widget-type={this.props.node.type} role="note">
          Could not render widget <code>{this.props.node.type}</code>
        </div>
      );
    }
    return this.props.children;
  }
}

/**
 * Renders one widget node with the registry's component for its type. Memoized on the node
 * object: a streamed update that copies only the changed path re-renders only that path.
 *
 * @selector [data-tk-part^="widget-"]
 */
export const WidgetNodeView = memo(function WidgetNodeView({ node }: { node: WidgetNode }) {
  const runtime = useWidgetRuntime();
  const Renderer =
    runtime.registry[node.type] ?? defaultWidgetComponents.current[node.type] ?? WidgetUnknown;
  return (
    <NodeBoundary
      node={node}
      onError={(error) => runtime.warn(`Widget ${node.type} failed to render: ${String(error)}`)}
    >
      <Renderer node={node} />
    </NodeBoundary>
  );
});
WidgetNodeView.displayName = "Widget.Node";

function isNode(value: unknown): value is WidgetNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

/** Stable React keys from `key`/`id`, falling back to the position for duplicates. */
function keysOf(nodes: readonly WidgetNode[]): string[] {
  const seen = new Set<string>();
  return nodes.map((node, index) => {
    const own =
      typeof node.key === "string" || typeof node.key === "number" ? `k:${node.key}` : undefined;
    const candidate = own ?? (typeof node.id === "string" ? `i:${node.id}` : `#${index}`);
    const key = seen.has(candidate) ? `#${index}` : candidate;
    seen.add(key);
    return key;
  });
}

/** Props of {@link WidgetChildren}. */
export interface WidgetChildrenProps {
  /** A node's `children` as received (anything that is not a node is skipped). */
  nodes: unknown;
}

/** Renders a list of child nodes (or a single node, as Transition allows). */
export function WidgetChildren({ nodes }: WidgetChildrenProps): ReactNode {
  if (isNode(nodes)) return <WidgetNodeView node={nodes} />;
  if (!Array.isArray(nodes)) return null;
  const list = nodes.filter(isNode);
  const keys = keysOf(list);
  return list.map((child, index) => <WidgetNodeView key={keys[index]} node={child} />);
}
