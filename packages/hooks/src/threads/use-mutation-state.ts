import { useCallback, useEffect, useRef, useState } from "react";

/** Callbacks of one `mutate` / `mutateAsync` call; they run for the latest call only. */
export interface MutationCallbacks<TVariables, TData> {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error, variables: TVariables) => void;
  onSettled?: (data: TData | undefined, error: Error | null, variables: TVariables) => void;
}

/** @internal The state of the last call of a mutation, with a TanStack Query mutation's fields. */
export interface MutationStateResult<TVariables, TData> {
  mutate(variables: TVariables, callbacks?: MutationCallbacks<TVariables, TData>): void;
  mutateAsync(
    variables: TVariables,
    callbacks?: MutationCallbacks<TVariables, TData>,
  ): Promise<TData>;
  status: "idle" | "pending" | "success" | "error";
  isIdle: boolean;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: Error | null;
  data: TData | undefined;
  variables: TVariables | undefined;
  reset(): void;
}

interface State<TVariables, TData> {
  status: MutationStateResult<TVariables, TData>["status"];
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
): MutationStateResult<TVariables, TData> {
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
    async (variables: TVariables, callbacks?: MutationCallbacks<TVariables, TData>) => {
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
    (variables: TVariables, callbacks?: MutationCallbacks<TVariables, TData>) => {
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
