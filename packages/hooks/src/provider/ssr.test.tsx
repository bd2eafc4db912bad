// @vitest-environment node
import { renderToString } from "react-dom/server";
import {
  ThreadkitProvider,
  ThreadProvider,
  useChatKitSession,
  useComposer,
  useRunStream,
  useThreadItems,
} from "../index";

const getClientSecret = vi.fn(async () => "secret");

function Chat() {
  const session = useChatKitSession({ getClientSecret });
  const items = useThreadItems("thr_1");
  const run = useRunStream("thr_1");
  const composer = useComposer({ run });
  const summary = [session.status, items.status, run.status, composer.canSubmit];
  return <p>{summary.join("/")}</p>;
}

describe("server rendering", () => {
  it("renders without a window and starts no request", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <ThreadkitProvider>
        <ThreadProvider threadId="thr_1">
          <Chat />
        </ThreadProvider>
      </ThreadkitProvider>,
    );
    expect(html).toBe("<p>idle/pending/idle/false</p>");
    expect(getClientSecret).not.toHaveBeenCalled();
  });
});
