import { useCallback, useEffect, useRef, useState } from "react";

/** Callbacks of one `mutate` / `mutateAsync` call; they run for the latest call only. */
export interface ThreadMutationCallbacks<TVariables, TData> {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error, variables: TVariables) => void;
  onSettled?: (data: TData | undefined, error: Error | null, variables: TVariables) => void;
}

/**
 * What `useDeleteThread` and `useRenameThread` return: the state of the last call,
 * with the field names of a TanStack Query mutation.
 */
export interface ThreadMutationResult<TVariables, TData> {
  /** Runs the mutation; a failure is reported to `onError` and kept in `error` (never thrown). */
  mutate(variables: TVariables, callbacks?: ThreadMutationCallbacks<TVariables, TData>): void;
  /** Runs the mutation; resolves with its result once the server took it, rejects with the failure. */
  mutateAsync(
    variables: TVariables,
    callbacks?: ThreadMutationCallbacks<TVariables, TData>,
  ): Promise<TData>;
  /** `idle` until the first call, then `pending`, `success` or `error` for the last one. */
  status: "idle" | "pending" | "success" | "error";
  isIdle: boolean;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  /** Why the last call failed, or `null`. */
  error: Error | null;
  /** What the last successful call resolved with. */
  data: TData | undefined;
  /** The variables of the last call, or `undefined`. */
  variables: TVariables | undefined;
  /** Back to `idle`. */
  reset(): void;
}

interface State<TVariables, TData> {
  status: ThreadMutationResult<TVariables, TData>["status"];
  error: Error | null;
  data: TData | undefined;
  variables: TVariables | undefined;
}

const IDLE: State<never, never> = {
  status: "idle",
  error: null,
  data: undefined,
  variables: undefined,
};

/** A caught value as an `Error`. */
const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/**
 * @internal The one owner of a mutation's state (`useItemFeedback`, the thread mutations):
 * `run` does the work (the newest `run` given is called); `mutateAsync` tracks it as `pending`,
 * then `success` or `error`, and a failure goes to `reportError` and is rethrown (`mutate`
 * swallows it). Only the latest call sets the state and runs its callbacks; none do after
 * unmount or after `reset`.
 */
export function useMutationState<TVariables, TData>(
  run: (variables: TVariables) => Promise<TData>,
  reportError: (error: Error) => void,
): ThreadMutationResult<TVariables, TData> {
  const [state, setState] = useState<State<TVariables, TData>>(IDLE);
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const runRef = useRef(run);
  runRef.current = run;
  const mutateAsync = useCallback(
    async (variables: TVariables, callbacks?: ThreadMutationCallbacks<TVariables, TData>) => {
      const call = ++latest.current;
      const current = () => mounted.current && call === latest.current;
      const settle = (next: State<TVariables, TData>) => {
        if (current()) setState(next);
      };
      settle({ status: "pending", error: null, data: undefined, variables });
      let data: TData;
      try {
        data = await runRef.current(variables);
      } catch (caught) {
        const error = toError(caught);
        reportError(error);
        settle({ status: "error", error, data: undefined, variables });
        if (current()) {
          callbacks?.onError?.(error, variables);
          callbacks?.onSettled?.(undefined, error, variables);
        }
        throw error;
      }
      settle({ status: "success", error: null, data, variables });
      if (current()) {
        callbacks?.onSuccess?.(data, variables);
        callbacks?.onSettled?.(data, null, variables);
      }
      return data;
    },
    [reportError],
  );
  const mutate = useCallback(
    (variables: TVariables, callbacks?: ThreadMutationCallbacks<TVariables, TData>) => {
      mutateAsync(variables, callbacks).catch(() => {});
    },
    [mutateAsync],
  );
  const reset = useCallback(() => {
    latest.current += 1;
    setState(IDLE);
  }, []);
  return {
    mutate,
    mutateAsync,
    status: state.status,
    isIdle: state.status === "idle",
    isPending: state.status === "pending",
    isSuccess: state.status === "success",
    isError: state.status === "error",
    error: state.error,
    data: state.data,
    variables: state.variables,
    reset,
  };
}
