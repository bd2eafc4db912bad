import { useEffect, useState } from "react";

/** TanStack Virtual's runtime: the classes and functions the thread's row virtualizer uses. */
export type VirtualEngine = typeof import("./virtual-engine");

let loaded: VirtualEngine | null = null;
let loading: Promise<VirtualEngine> | null = null;

/** Starts loading the virtualizer (once); resolves with it. A failed load may be retried. */
export function loadVirtualEngine(): Promise<VirtualEngine> {
  loading ??= import("./virtual-engine").then(
    (engine) => {
      loaded = engine;
      return engine;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The virtualizer once loaded (`engine`, else `null`), and whether loading it failed. With
 * `wanted`, it starts loading and the component renders again when it is there (or has failed);
 * once loaded it is returned at once, in the first render of every later thread. Until then, or
 * when it fails to load, the rows stay plain.
 */
export function useVirtualEngine(wanted: boolean): {
  engine: VirtualEngine | null;
  failed: boolean;
} {
  const [engine, setEngine] = useState<VirtualEngine | null>(loaded);
  const [failed, setFailed] = useState(false);
  const current = engine ?? loaded;
  useEffect(() => {
    if (!wanted || current) return;
    let live = true;
    loadVirtualEngine().then(
      (next) => {
        if (live) setEngine(next);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, current]);
  return { engine: current, failed: failed && !current };
}
