import { QueryClient } from "@tanstack/react-query";
import { useThreadkitContext } from "./threadkit-context";

const create = () => new QueryClient();

/**
 * The QueryClient threadkit's thread list and thread mutations use: the `queryClient` given to
 * `ThreadkitProvider`, else one the provider keeps from the first call on. `ThreadkitProvider`
 * renders no `QueryClientProvider`, so call this (not TanStack's `useQueryClient()`) to reach
 * threadkit's cache, e.g. to invalidate `threadkitKeys.threads()`.
 *
 * @example
 * ```tsx
 * const queryClient = useThreadkitQueryClient();
 * <button onClick={() => queryClient.invalidateQueries({ queryKey: threadkitKeys.threads() })} />
 * ```
 */
export function useThreadkitQueryClient(): QueryClient {
  return useThreadkitContext("useThreadkitQueryClient").queryClient(create)!;
}
