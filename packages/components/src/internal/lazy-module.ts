import { useSyncExternalStore } from "react";

/**
 * A module loaded on first use: `preload()` starts the `import()` once (call it on pointerenter or
 * focus, before the first open), `useLazyModule` re-renders its callers once it has loaded. The
 * server and the first client render always see `undefined`, so hydration matches.
 */
export interface LazyModule<T> {
  /** Starts loading (once) and resolves with the module. A failed load may be retried. */
  preload(): Promise<T>;
  /** The module when loaded, else `undefined`. */
  current(): T | undefined;
  subscribe(listener: () => void): () => void;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  return {
    preload() {
      pending ??= load().then(
        (loaded) => {
          value = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    current: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const none = () => undefined;

/** The module once loaded (re-renders when it arrives), else `undefined`. Does not start loading. */
export function useLazyModule<T>(module: LazyModule<T>): T | undefined {
  return useSyncExternalStore(module.subscribe, module.current, none);
}
