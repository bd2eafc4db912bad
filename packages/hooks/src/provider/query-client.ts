import { QueryClient } from "@tanstack/react-query";
import { useThreadkitContext } from "./threadkit-context";

const create = () => new QueryClient();

/**
 * The `queryClient` given to `ThreadkitProvider`, else a QueryClient the provider keeps from
 * the first call on (this hook is the only threadkit code that loads TanStack Query). threadkit
 * keeps nothing in it but what an app primes with `primeThreadItems`: the thread list, the
 * threads' pages and metadata live in the provider's own cache. To reload the history lists call
 * `useThreadkitContext().invalidateThreads()`, for one thread `invalidateThread(threadId)`.
 *
 * @deprecated Give `ThreadkitProvider` your own `queryClient` and use it directly; reload
 * threadkit's data with `useThreadkitContext().invalidateThreads()` / `invalidateThread(id)`.
 * @example
 * ```tsx
 * const queryClient = useThreadkitQueryClient();
 * ```
 */
export function useThreadkitQueryClient(): QueryClient {
  return useThreadkitContext("useThreadkitQueryClient").queryClient(create)!;
}
