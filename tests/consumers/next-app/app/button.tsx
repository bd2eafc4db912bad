import { type ComponentPropsWithoutRef, forwardRef } from "react";

/** A shadcn/ui-style button: Tailwind utilities only. */
export const Button = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<"button">>(
  function Button({ className = "", ...props }, ref) {
    return (
      <button
        ref={ref}
        className={`inline-flex h-9 items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90 ${className}`}
        {...props}
      />
    );
  },
);
