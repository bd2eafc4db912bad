import type {
  ActionConfig,
  BasicWidget,
  BoxWidget,
  CardWidget,
  DividerWidget,
  FormWidget,
  ListViewItemWidget,
  ListViewWidget,
  SpacerWidget,
  TransitionWidget,
  WidgetActionBinding,
  WidgetNode,
  WidgetStatus,
} from "@threadkit/core";
import {
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useState,
} from "react";
import { safeUrl } from "../internal/safe-url";
import {
  useFormScope,
  useWidgetActionTrigger,
  useWidgetRuntime,
  type WidgetComponentProps,
  WidgetFormContext,
  type WidgetFormScope,
} from "./context";
import { WidgetIconGlyph } from "./icon";
import { WidgetChildren } from "./node";
import {
  alignItems,
  blockStyle,
  borderStyle,
  boxStyle,
  dimension,
  paddingStyle,
  resolveColor,
  space,
} from "./style";

type Props<T> = WidgetComponentProps<WidgetNode & T>;

const flag = (value: unknown): "" | undefined => (value === true ? "" : undefined);

function Status({ status }: { status: WidgetStatus | undefined }): ReactNode {
  const runtime = useWidgetRuntime();
  if (status === undefined || typeof status.text !== "string") return null;
  const favicon =
    "favicon" in status
      ? safeUrl(status.favicon, "image", {
          allowDataImages: runtime.allowDataImages,
          allowedImageDomains: runtime.allowedImageDomains,
        })
      : undefined;
  const icon = "icon" in status && typeof status.icon === "string" ? status.icon : undefined;
  return (
    <div data-tk-part="widget-status">
      {favicon !== undefined ? (
        <img
          data-tk-part="widget-status-favicon"
          data-frame={"frame" in status ? flag(status.frame) : undefined}
          src={favicon}
          alt=""
          width={16}
          height={16}
        />
      ) : icon !== undefined ? (
        <WidgetIconGlyph name={icon} size={16} />
      ) : null}
      <span>{status.text}</span>
    </div>
  );
}

/**
 * Handles a form submission: the submit Button's own action wins over the form's
 * `onSubmitAction` (or the Card's `confirm.action`). Native validation has already passed when
 * the submit event fires.
 */
function useSubmitHandler(
  scope: WidgetFormScope,
  fallback: ActionConfig | undefined,
  binding: WidgetActionBinding,
) {
  const runtime = useWidgetRuntime();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = scope.submitterRef.current;
    scope.submitterRef.current = null;
    const action = submitter?.action ?? fallback;
    if (action === undefined) {
      runtime.warn("A widget form was submitted but has no action to send.");
      return;
    }
    void runtime.dispatch(action, {
      binding: submitter?.action !== undefined ? "button" : binding,
      form: event.currentTarget,
      setSelfLoading: submitter?.setSelfLoading,
    });
  };
}

function CardFooterButton({
  label,
  action,
  kind,
  submit,
}: {
  label: string;
  action: ActionConfig;
  kind: "confirm" | "cancel";
  submit: boolean;
}): ReactNode {
  const [fire, loading] = useWidgetActionTrigger(
    action,
    kind === "confirm" ? "card-confirm" : "card-cancel",
  );
  return (
    <button
      type={submit ? "submit" : "button"}
      data-tk-part="widget-button"
      data-card-action={kind}
      data-color={kind === "confirm" ? "primary" : "secondary"}
      data-variant={kind === "confirm" ? "solid" : "outline"}
      data-size="md"
      data-loading={flag(loading)}
      aria-busy={loading || undefined}
      onClick={submit ? undefined : () => fire?.()}
    >
      {label}
    </button>
  );
}

/**
 * Root container: a bounded card. `asForm` makes it a form whose fields go into every action,
 * `confirm`/`cancel` render a footer, `collapsed` hides the body, `theme` forces a color scheme.
 *
 * @selector [data-tk-part="widget-card"]
 * @selector [data-size="sm" | "md" | "lg" | "full"]
 * @selector [data-collapsed]
 */
export function WidgetCard({ node }: Props<Partial<CardWidget>>): ReactNode {
  const scope = useFormScope();
  const asForm = node.asForm === true;
  const confirm = node.confirm;
  const cancel = node.cancel;
  const onSubmit = useSubmitHandler(scope, confirm?.action, "card-confirm");
  const style = paddingStyle(node.padding, borderStyle(node.border));
  const padding = style.padding ?? style.paddingLeft;
  if (padding !== undefined) style["--tk-widget-card-padding"] = padding;
  const background = resolveColor(node.background, "background");
  if (background !== undefined) style.background = background;
  const body = (
    <>
      <Status status={node.status} />
      {node.collapsed === true ? null : (
        <div data-tk-part="widget-card-body">
          <WidgetChildren nodes={node.children} />
        </div>
      )}
      {confirm !== undefined || cancel !== undefined ? (
        <div data-tk-part="widget-card-footer">
          {cancel !== undefined ? (
            <CardFooterButton
              label={cancel.label}
              action={cancel.action}
              kind="cancel"
              submit={false}
            />
          ) : null}
          {confirm !== undefined ? (
            <CardFooterButton
              label={confirm.label}
              action={confirm.action}
              kind="confirm"
              submit={asForm}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
  const common = {
    "data-tk-part": "widget-card",
    "data-size": node.size ?? "md",
    "data-collapsed": flag(node.collapsed),
    "data-tk-theme": node.theme,
    style: style as CSSProperties,
  };
  if (asForm) {
    return (
      <WidgetFormContext.Provider value={scope}>
        <form
          {...common}
          ref={(element) => {
            scope.formRef.current = element;
          }}
          onSubmit={onSubmit}
        >
          {body}
        </form>
      </WidgetFormContext.Provider>
    );
  }
  return <div {...common}>{body}</div>;
}

/**
 * Root container: a list of `ListViewItem`s. With `limit`, the rest hides behind "Show more".
 *
 * @selector [data-tk-part="widget-list-view"]
 */
export function WidgetListView({ node }: Props<Partial<ListViewWidget>>): ReactNode {
  const [expanded, setExpanded] = useState(false);
  const children = Array.isArray(node.children) ? node.children : [];
  const limit = typeof node.limit === "number" ? node.limit : undefined;
  const hidden = limit !== undefined && !expanded ? Math.max(0, children.length - limit) : 0;
  const shown = hidden > 0 ? children.slice(0, limit) : children;
  return (
    <div data-tk-part="widget-list-view" data-tk-theme={node.theme}>
      <Status status={node.status} />
      <ul data-tk-part="widget-list-view-items">
        <WidgetChildren nodes={shown} />
      </ul>
      {hidden > 0 ? (
        <button
          type="button"
          data-tk-part="widget-list-view-more"
          onClick={() => setExpanded(true)}
        >
          Show more <span data-tk-part="widget-list-view-more-count">({hidden})</span>
        </button>
      ) : null}
    </div>
  );
}

/**
 * One row of a ListView. With `onClickAction` the whole row is a button.
 *
 * @selector [data-tk-part="widget-list-view-item"]
 * @selector [data-interactive] [data-loading]
 */
export function WidgetListViewItem({ node }: Props<Partial<ListViewItemWidget>>): ReactNode {
  const [fire, loading] = useWidgetActionTrigger(node.onClickAction, "list-item");
  const style: CSSProperties = {};
  const gap = space(node.gap);
  if (gap !== undefined) style.gap = gap;
  const align = alignItems(node.align);
  if (align !== undefined) style.alignItems = align;
  const content = <WidgetChildren nodes={node.children} />;
  if (fire === null) {
    return (
      <li data-tk-part="widget-list-view-item" style={style}>
        {content}
      </li>
    );
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      fire();
    }
  };
  return (
    <li data-tk-part="widget-list-view-item-wrapper">
      {/* biome-ignore lint/a11y/useSemanticElements: the row holds block content (Row, Col, Image), which a <button> may not */}
      <div
        data-tk-part="widget-list-view-item"
        data-interactive=""
        data-loading={flag(loading)}
        role="button"
        tabIndex={0}
        aria-busy={loading || undefined}
        aria-disabled={loading || undefined}
        style={style}
        onClick={() => fire()}
        onKeyDown={onKeyDown}
      >
        {content}
      </div>
    </li>
  );
}

/**
 * Root container for entity previews: a plain flex box.
 *
 * @selector [data-tk-part="widget-basic"]
 */
export function WidgetBasic({ node }: Props<Partial<BasicWidget>>): ReactNode {
  return (
    <div
      data-tk-part="widget-basic"
      data-direction={node.direction ?? "col"}
      data-tk-theme={node.theme}
      style={boxStyle(node)}
    >
      <WidgetChildren nodes={node.children} />
    </div>
  );
}

type BoxLikeProps = Props<Partial<Omit<BoxWidget, "type">>>;

function BoxLike({ node, part, direction }: BoxLikeProps & { part: string; direction: string }) {
  return (
    <div data-tk-part={part} data-direction={direction} style={boxStyle(node)}>
      <WidgetChildren nodes={node.children} />
    </div>
  );
}

/**
 * A flex container (column unless `direction: "row"`).
 * @selector [data-tk-part="widget-box"] [data-direction="row" | "col"]
 */
export function WidgetBox({ node }: BoxLikeProps): ReactNode {
  return <BoxLike node={node} part="widget-box" direction={node.direction ?? "col"} />;
}

/**
 * A horizontal flex container.
 * @selector [data-tk-part="widget-row"]
 */
export function WidgetRow({ node }: BoxLikeProps): ReactNode {
  return <BoxLike node={node} part="widget-row" direction="row" />;
}

/**
 * A vertical flex container.
 * @selector [data-tk-part="widget-col"]
 */
export function WidgetCol({ node }: BoxLikeProps): ReactNode {
  return <BoxLike node={node} part="widget-col" direction="col" />;
}

/**
 * A form: fields inside it go into the payload of every action fired inside, keyed by `name`.
 * Native validation (`required`, `pattern`) blocks submission.
 *
 * @selector [data-tk-part="widget-form"]
 */
export function WidgetForm({ node }: Props<Partial<FormWidget>>): ReactNode {
  const scope = useFormScope();
  const onSubmit = useSubmitHandler(scope, node.onSubmitAction, "form-submit");
  return (
    <WidgetFormContext.Provider value={scope}>
      <form
        data-tk-part="widget-form"
        data-direction={node.direction ?? "col"}
        style={boxStyle(node)}
        ref={(element) => {
          scope.formRef.current = element;
        }}
        onSubmit={onSubmit}
      >
        <WidgetChildren nodes={node.children} />
      </form>
    </WidgetFormContext.Provider>
  );
}

/**
 * Takes the free space between its siblings.
 * @selector [data-tk-part="widget-spacer"]
 */
export function WidgetSpacer({ node }: Props<Partial<SpacerWidget>>): ReactNode {
  const min = dimension(node.minSize);
  return (
    <div
      data-tk-part="widget-spacer"
      aria-hidden="true"
      style={min === undefined ? undefined : { minWidth: min, minHeight: min }}
    />
  );
}

/**
 * A rule between blocks.
 * @selector [data-tk-part="widget-divider"] [data-flush]
 */
export function WidgetDivider({ node }: Props<Partial<DividerWidget>>): ReactNode {
  const style: Record<string, string> = {};
  const color = resolveColor(node.color, "border");
  if (color !== undefined) style["--tk-widget-divider-color"] = color;
  const size = dimension(node.size);
  if (size !== undefined) style["--tk-widget-divider-size"] = size;
  const spacing = space(node.spacing);
  if (spacing !== undefined) style["--tk-widget-divider-spacing"] = spacing;
  return <hr data-tk-part="widget-divider" data-flush={flag(node.flush)} style={style} />;
}

/**
 * Animates its child in when the child changes identity (`key`, `id` or `type`).
 * @selector [data-tk-part="widget-transition"]
 */
export function WidgetTransition({ node }: Props<Partial<TransitionWidget>>): ReactNode {
  // chatkit-js sends one child; an array (older threadkit trees) renders every node in it.
  const children = node.children ?? null;
  const child = Array.isArray(children) ? children[0] : children;
  const key =
    child && typeof child === "object" ? String(child.key ?? child.id ?? child.type) : "empty";
  return (
    <div data-tk-part="widget-transition" key={key} style={blockStyle({}) as CSSProperties}>
      <WidgetChildren nodes={children} />
    </div>
  );
}
