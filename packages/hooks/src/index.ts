/**
 * @threadkit/hooks — React hooks for ChatKit threads on TanStack Query (server state) and
 * zustand (one live store per thread).
 */
export {
  createThreadStore,
  type ThreadStore,
  type ThreadStoreActions,
  type ThreadStoreState,
} from "./thread/thread-store";
