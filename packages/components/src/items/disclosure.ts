import type { KeyboardEvent, MouseEvent, SyntheticEvent } from "react";

/**
 * Props of a `<details>` element whose open state React owns, and of its `<summary>`: the summary
 * is named a button with `aria-expanded`, a click or Enter/Space toggles it (handled here, so the
 * browser's own toggle never runs twice), and a browser-side open (find-in-page) is followed.
 */
export function disclosureProps(
  open: boolean,
  setOpen: (open: boolean) => void,
  contentId: string,
) {
  const state = open ? "open" : "closed";
  return {
    details: {
      "data-state": state,
      open,
      onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => {
        const next = event.currentTarget.open;
        if (next !== open) setOpen(next);
      },
    },
    summary: {
      "data-state": state,
      role: "button",
      "aria-expanded": open,
      "aria-controls": open ? contentId : undefined,
      onClick: (event: MouseEvent<HTMLElement>) => {
        event.preventDefault();
        setOpen(!open);
      },
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        // Handled on keydown; the browser's own activation (a click) is cancelled with it.
        event.preventDefault();
        setOpen(!open);
      },
    },
  } as const;
}
