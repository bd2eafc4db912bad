import { fixtureNames, readFixture } from "../../test/fixtures";
import { readThreadStream } from "../chatkit/read-thread-stream";
import type { ThreadStreamEvent } from "../chatkit/stream-event";
import type {
  AssistantMessageItem,
  ThreadItem,
  WidgetItem,
  WorkflowItem,
} from "../chatkit/thread-item";
import type { WidgetNode } from "../chatkit/widgets/types";
import { widgetChildren } from "../chatkit/widgets/widget-children";
import {
  createAssistantMessage,
  createUserMessage,
  createWidgetItem,
  createWorkflowItem,
  itemUpdated,
  textDelta,
} from "../testing/factories";
import { reduceThreadStream, type ThreadStreamReducerEvent } from "./reduce-thread-stream";
import {
  acknowledgeThreadEffects,
  createThreadState,
  finishThreadStream,
  isThreadItemStreaming,
  selectThreadItem,
  selectThreadItems,
  startThreadStream,
  type ThreadState,
} from "./thread-state";

function reduceAll(events: readonly ThreadStreamReducerEvent[], state?: ThreadState): ThreadState {
  return events.reduce<ThreadState | undefined>(reduceThreadStream, state) as ThreadState;
}

async function replayFixture(name: string): Promise<ThreadState> {
  let state = startThreadStream(createThreadState());
  for await (const event of readThreadStream(readFixture("chatkit-protocol", name))) {
    state = reduceThreadStream(state, event);
  }
  return state;
}

const added = (item: ThreadItem): ThreadStreamEvent => ({ type: "thread.item.added", item });
const done = (item: ThreadItem): ThreadStreamEvent => ({ type: "thread.item.done", item });

function textOf(state: ThreadState, id: string, part = 0): string | undefined {
  const item = selectThreadItem(state, id) as AssistantMessageItem | undefined;
  return item?.content[part]?.text;
}

describe("reduceThreadStream", () => {
  it("starts from an empty state when given undefined", () => {
    const state = reduceThreadStream(undefined, added(createAssistantMessage("m1")));
    expect(state.itemIds).toEqual(["m1"]);
    expect(isThreadItemStreaming(state, "m1")).toBe(true);
  });

  describe("text deltas", () => {
    it("appends by content index and keeps every other identity", () => {
      const user = createUserMessage("u1");
      const state = reduceAll([done(user), added(createAssistantMessage("m1"))]);
      const next = reduceThreadStream(state, textDelta("m1", "Hel"));
      const last = reduceThreadStream(next, textDelta("m1", "lo"));
      expect(textOf(last, "m1")).toBe("Hello");
      expect(last.itemIds).toBe(state.itemIds);
      expect(selectThreadItem(last, "u1")).toBe(user);
      expect(selectThreadItem(last, "m1")).not.toBe(selectThreadItem(next, "m1"));
    });

    it("never changes an older state: read before or after later deltas, or branched", () => {
      let state = reduceAll([added(createAssistantMessage("m1", ["A", "x"]))]);
      const versions: ThreadState[] = [state];
      const texts: string[] = ["A"];
      for (const delta of ["b", "c", "d", "e", "f"]) {
        state = reduceThreadStream(state, textDelta("m1", delta));
        versions.push(state);
        texts.push(texts.at(-1) + delta);
      }
      // Read a middle version first, then the newest, then the older ones.
      expect(textOf(versions[3] as ThreadState, "m1")).toBe("Abcd");
      expect(textOf(state, "m1")).toBe("Abcdef");
      expect(versions.map((version) => textOf(version, "m1"))).toEqual(texts);
      // Two different continuations of one older state.
      const left = reduceThreadStream(versions[2] as ThreadState, textDelta("m1", "L"));
      const right = reduceThreadStream(versions[2] as ThreadState, textDelta("m1", "R"));
      const rightMore = reduceThreadStream(right, textDelta("m1", "R"));
      expect(textOf(left, "m1")).toBe("AbcL");
      expect(textOf(right, "m1")).toBe("AbcR");
      expect(textOf(rightMore, "m1")).toBe("AbcRR");
      expect(textOf(state, "m1")).toBe("Abcdef");
      // A delta to another part, then back.
      const other = reduceThreadStream(state, textDelta("m1", "y", 1));
      const back = reduceThreadStream(other, textDelta("m1", "g"));
      const item = selectThreadItem(back, "m1") as AssistantMessageItem;
      expect(item.content.map((part) => part.text)).toEqual(["Abcdefg", "xy"]);
      expect(versions.map((version) => textOf(version, "m1"))).toEqual(texts);
    });

    it("returns the same item object on every read of one state", () => {
      const state = reduceAll([
        added(createAssistantMessage("m1")),
        textDelta("m1", "a"),
        textDelta("m1", "b"),
      ]);
      const first = selectThreadItem(state, "m1");
      expect(selectThreadItem(state, "m1")).toBe(first);
      expect(selectThreadItems(state)[0]).toBe(first);
      expect([...state.itemsById.entries()][0]?.[1]).toBe(first);
    });

    it("pads content up to the index before writing", () => {
      const state = reduceAll([
        added(createAssistantMessage("m1", [])),
        textDelta("m1", "third", 2),
      ]);
      const item = selectThreadItem(state, "m1") as AssistantMessageItem;
      expect(item.content).toEqual([
        { type: "output_text", text: "", annotations: [] },
        { type: "output_text", text: "", annotations: [] },
        { type: "output_text", text: "third", annotations: [] },
      ]);
    });

    it("ignores updates for an item it never saw", () => {
      const state = reduceAll([added(createAssistantMessage("m1", ["a"]))]);
      expect(reduceThreadStream(state, textDelta("itm_other", "x"))).toBe(state);
    });

    it("ignores a negative or fractional content index", () => {
      const state = reduceAll([added(createAssistantMessage("m1", ["a"]))]);
      expect(reduceThreadStream(state, textDelta("m1", "x", -1))).toBe(state);
      expect(reduceThreadStream(state, textDelta("m1", "x", 0.5))).toBe(state);
    });
  });

  describe("content parts and annotations", () => {
    const source = { type: "url", url: "https://a.example", title: "A" } as const;
    const annotation = (index: number) => ({ type: "annotation", source, index }) as const;

    it("inserts annotations at annotation_index and appends when out of range", () => {
      const state = reduceAll([
        added(createAssistantMessage("m1", ["text"])),
        itemUpdated("m1", {
          type: "assistant_message.content_part.annotation_added",
          content_index: 0,
          annotation_index: 0,
          annotation: annotation(1),
        }),
        itemUpdated("m1", {
          type: "assistant_message.content_part.annotation_added",
          content_index: 0,
          annotation_index: 0,
          annotation: annotation(2),
        }),
        itemUpdated("m1", {
          type: "assistant_message.content_part.annotation_added",
          content_index: 0,
          annotation_index: 99,
          annotation: annotation(3),
        }),
      ]);
      const item = selectThreadItem(state, "m1") as AssistantMessageItem;
      expect(item.content[0]?.annotations.map((a) => a.index)).toEqual([2, 1, 3]);
    });

    it("replaces the part on added, and done keeps streamed annotations it does not carry", () => {
      const state = reduceAll([
        added(createAssistantMessage("m1", [])),
        itemUpdated("m1", {
          type: "assistant_message.content_part.added",
          content_index: 0,
          content: { type: "output_text", text: "", annotations: [] },
        }),
        textDelta("m1", "Hi"),
        itemUpdated("m1", {
          type: "assistant_message.content_part.annotation_added",
          content_index: 0,
          annotation_index: 0,
          annotation: annotation(2),
        }),
        itemUpdated("m1", {
          type: "assistant_message.content_part.done",
          content_index: 0,
          content: { type: "output_text", text: "Hi!", annotations: [] },
        }),
      ]);
      const item = selectThreadItem(state, "m1") as AssistantMessageItem;
      expect(item.content).toEqual([
        { type: "output_text", text: "Hi!", annotations: [annotation(2)] },
      ]);
    });

    it("replaces a streamed item on done without building it; earlier states still read their text", () => {
      let state = reduceAll([added(createAssistantMessage("m1", [""]))]);
      const versions: ThreadState[] = [];
      for (const delta of ["a", "b", "c"]) {
        state = reduceThreadStream(state, textDelta("m1", delta));
        versions.push(state);
      }
      const final = createAssistantMessage("m1", ["abc!"]);
      const finished = reduceThreadStream(state, done(final));
      expect(selectThreadItem(finished, "m1")).toBe(final);
      expect(finished.itemIds).toBe(state.itemIds);
      // The last streamed version was never built: done replaced it without joining its deltas.
      expect(state.itemsById.lazyOf("m1")?.peek?.()).toBeUndefined();
      expect(versions.map((version) => textOf(version, "m1"))).toEqual(["a", "ab", "abc"]);
      // Once built, the same item set again keeps the map (and the state's items).
      const built = selectThreadItem(state, "m1") as ThreadItem;
      expect(state.itemsById.lazyOf("m1")?.peek?.()).toBe(built);
      const same = reduceThreadStream(state, { type: "thread.item.replaced", item: built });
      expect(same.itemsById).toBe(state.itemsById);
      expect(same.itemIds).toBe(state.itemIds);
    });

    it("treats thread.item.done as authoritative", () => {
      const final = createAssistantMessage("m1", ["Final"]);
      const state = reduceAll([
        added(createAssistantMessage("m1", [""])),
        textDelta("m1", "Draft"),
        done(final),
      ]);
      expect(selectThreadItem(state, "m1")).toBe(final);
      expect(isThreadItemStreaming(state, "m1")).toBe(false);
    });
  });

  describe("widgets", () => {
    const widget = {
      type: "Card",
      children: [
        { type: "Text", id: "title", value: "Title" },
        { type: "Col", children: [{ type: "Text", id: "body", value: "Hel", streaming: true }] },
      ],
    };

    it("streams text into the node with that id only", () => {
      const state = reduceAll([added(createWidgetItem("w1", widget))]);
      const next = reduceThreadStream(
        state,
        itemUpdated("w1", {
          type: "widget.streaming_text.value_delta",
          component_id: "body",
          delta: "lo",
          done: true,
        }),
      );
      const root = (selectThreadItem(next, "w1") as WidgetItem).widget;
      expect(widgetChildren(root)[1]).toEqual({
        type: "Col",
        children: [{ type: "Text", id: "body", value: "Hello", streaming: false }],
      });
      expect(widgetChildren(root)[0]).toBe(widgetChildren(widget)[0]);
      expect(widgetChildren(widgetChildren(widget)[1] as WidgetNode)[0]?.value).toBe("Hel");
    });

    it("streams text into the single child of a Transition (chatkit-js shape)", () => {
      const transition = {
        type: "Card",
        children: [
          { type: "Transition", children: { type: "Text", id: "t", value: "A", streaming: true } },
        ],
      };
      const next = reduceAll([
        added(createWidgetItem("w2", transition)),
        itemUpdated("w2", {
          type: "widget.streaming_text.value_delta",
          component_id: "t",
          delta: "B",
          done: true,
        }),
      ]);
      const root = (selectThreadItem(next, "w2") as WidgetItem).widget;
      expect(widgetChildren(root)[0]).toEqual({
        type: "Transition",
        children: { type: "Text", id: "t", value: "AB", streaming: false },
      });
    });

    it("replaces a component by id and the whole root", () => {
      const state = reduceAll([
        added(createWidgetItem("w1", widget)),
        itemUpdated("w1", {
          type: "widget.component.updated",
          component_id: "title",
          component: { type: "Title", id: "title", value: "New" },
        }),
      ]);
      const root = (selectThreadItem(state, "w1") as WidgetItem).widget;
      expect(widgetChildren(root)[0]).toEqual({ type: "Title", id: "title", value: "New" });
      expect(widgetChildren(root)[1]).toBe(widgetChildren(widget)[1]);
      const replaced = reduceThreadStream(
        state,
        itemUpdated("w1", { type: "widget.root.updated", widget: { type: "Card", children: [] } }),
      );
      expect((selectThreadItem(replaced, "w1") as WidgetItem).widget).toEqual({
        type: "Card",
        children: [],
      });
    });

    it("leaves the item unchanged when no node has the id", () => {
      const state = reduceAll([added(createWidgetItem("w1", widget))]);
      const next = reduceThreadStream(
        state,
        itemUpdated("w1", {
          type: "widget.streaming_text.value_delta",
          component_id: "nope",
          delta: "x",
          done: false,
        }),
      );
      expect(next).toBe(state);
    });

    it("replays node-widget-stream-delta-then-root.sse onto its widget", async () => {
      let state = reduceAll([
        added(
          createWidgetItem("msg_stream", {
            type: "Card",
            children: [{ type: "Text", id: "text", value: "Hello", streaming: true }],
          }),
        ),
      ]);
      const states: ThreadState[] = [];
      for await (const event of readThreadStream(
        readFixture("chatkit-protocol", "node-widget-stream-delta-then-root.sse"),
      )) {
        state = reduceThreadStream(state, event);
        states.push(state);
      }
      const first = (selectThreadItem(states[0] as ThreadState, "msg_stream") as WidgetItem).widget;
      expect(widgetChildren(first)[0]).toEqual({
        type: "Text",
        id: "text",
        value: "Hello, world!",
        streaming: true,
      });
      const last = (selectThreadItem(state, "msg_stream") as WidgetItem).widget;
      expect(widgetChildren(last)[0]).toEqual({
        type: "Text",
        id: "text",
        value: "Hello, world!",
        streaming: false,
      });
    });
  });

  describe("workflows and images", () => {
    it("adds and updates tasks (py-agents-workflow-reasoning-thoughts.sse)", async () => {
      let state = reduceAll([added(createWorkflowItem("workflow_id", [], "reasoning"))]);
      for await (const event of readThreadStream(
        readFixture("chatkit-protocol", "py-agents-workflow-reasoning-thoughts.sse"),
      )) {
        state = reduceThreadStream(state, event);
      }
      const item = selectThreadItem(state, "workflow_id") as WorkflowItem;
      expect(item.workflow.tasks).toEqual([
        { status_indicator: "none", type: "thought", content: "Thinking 1" },
        { status_indicator: "none", type: "thought", content: "Thinking 2" },
      ]);
    });

    it("sets the generated image and tracks its progress until done", async () => {
      const image = {
        type: "generated_image",
        id: "message_id",
        thread_id: "t",
        created_at: "2026-01-01T00:00:00",
      } as const;
      let state = reduceAll([added(image)]);
      for await (const event of readThreadStream(
        readFixture("chatkit-protocol", "py-agents-generated-image-partial.sse"),
      )) {
        state = reduceThreadStream(state, event);
      }
      expect(selectThreadItem(state, "message_id")).toEqual({
        ...image,
        image: { id: "img_call_1", url: "data:image/png;base64,dGVzdA==" },
      });
      expect(state.imageProgress).toEqual({ message_id: 0.3333333333333333 });
      state = reduceThreadStream(state, done(image));
      expect(state.imageProgress).toEqual({});
    });
  });

  describe("item lifecycle", () => {
    it("removes and replaces items in place", async () => {
      const state = reduceAll([
        done(createUserMessage("a")),
        done(createAssistantMessage("b", ["x"])),
        done(createUserMessage("c")),
      ]);
      const replaced = reduceThreadStream(state, {
        type: "thread.item.replaced",
        item: createAssistantMessage("b", ["y"]),
      });
      expect(replaced.itemIds).toBe(state.itemIds);
      expect(textOf(replaced, "b")).toBe("y");
      const removed = reduceThreadStream(replaced, { type: "thread.item.removed", item_id: "b" });
      expect(removed.itemIds).toEqual(["a", "c"]);
      expect(selectThreadItem(removed, "b")).toBeUndefined();
      expect(reduceThreadStream(removed, { type: "thread.item.removed", item_id: "b" })).toBe(
        removed,
      );
    });

    it("removes a pending item that is never done (node-pending-item-added-then-removed.sse)", async () => {
      const state = await replayFixture("node-pending-item-added-then-removed.sse");
      expect(state.itemIds).toEqual([]);
      expect(state.streamingItemIds).toEqual([]);
    });

    it("replaces an item (node-item-replaced.sse)", async () => {
      const state = reduceAll([done(createAssistantMessage("msg_replace", ["Original"]))]);
      let next = state;
      for await (const event of readThreadStream(
        readFixture("chatkit-protocol", "node-item-replaced.sse"),
      )) {
        next = reduceThreadStream(next, event);
      }
      expect(next.itemIds).toBe(state.itemIds);
      expect(textOf(next, "msg_replace")).toBe("Replacement");
    });
  });

  describe("stream-level events", () => {
    it("tracks allow_cancel, progress, notices, effects and errors", () => {
      let state = startThreadStream(createThreadState());
      expect(state.allowCancel).toBe(true);
      state = reduceAll(
        [
          { type: "stream_options", stream_options: { allow_cancel: false } },
          { type: "progress_update", icon: "search", text: "Searching" },
          { type: "notice", level: "warning", message: "**Careful**" },
          { type: "client_effect", name: "highlight", data: { index: 1 } },
          { type: "client_effect", name: "confetti" },
        ],
        state,
      );
      expect(state.allowCancel).toBe(false);
      expect(state.progress).toEqual({ text: "Searching", icon: "search" });
      expect(state.notices).toEqual([
        { seq: 1, level: "warning", message: "**Careful**", title: null },
      ]);
      expect(state.effects).toEqual([
        { seq: 2, name: "highlight", data: { index: 1 } },
        { seq: 3, name: "confetti", data: {} },
      ]);
      state = acknowledgeThreadEffects(state, 2);
      expect(state.effects.map((e) => e.seq)).toEqual([3]);
      state = reduceThreadStream(state, added(createAssistantMessage("m1")));
      expect(state.progress).toBeNull();
      state = reduceThreadStream(state, {
        type: "error",
        code: "stream.error",
        allow_retry: true,
      });
      expect(state.error).toEqual({ code: "stream.error", message: null, allowRetry: true });
      state = finishThreadStream(state);
      expect(state.allowCancel).toBe(false);
      expect(state.streamingItemIds).toEqual([]);
      expect(selectThreadItem(state, "m1")).toBeDefined();
      expect(startThreadStream(state).error).toBeNull();
    });

    it("drops the previous response's notices when the next response starts", () => {
      let state = startThreadStream(createThreadState());
      state = reduceThreadStream(state, { type: "notice", level: "info", message: "Heads up" });
      expect(state.notices).toHaveLength(1);
      state = finishThreadStream(state);
      expect(state.notices).toHaveLength(1);
      expect(startThreadStream(state).notices).toEqual([]);
    });

    it("reads errors from recorded frames", async () => {
      expect((await replayFixture("py-docs-error-custom-message.sse")).error).toEqual({
        code: "custom",
        message: "We blocked that message for safety.",
        allowRetry: false,
      });
      expect((await replayFixture("node-http-error-frame.sse")).error).toEqual({
        code: "custom",
        message: null,
        allowRetry: false,
      });
      const retry = await replayFixture("py-server-stream-error-retry-tail.sse");
      expect(retry.error).toEqual({ code: "stream.error", message: null, allowRetry: true });
      expect(retry.allowCancel).toBe(true);
    });

    it("queues the recorded client effect and notice", async () => {
      expect((await replayFixture("py-docs-client-effect.sse")).effects).toEqual([
        { seq: 1, name: "highlight_text", data: { index: 142, length: 35 } },
      ]);
      expect((await replayFixture("node-http-notice-frame.sse")).notices).toEqual([
        { seq: 1, level: "info", message: "first", title: null },
      ]);
      expect((await replayFixture("py-docs-progress-updates.sse")).progress?.icon).toBe("check");
    });

    it("ignores unknown and malformed events", () => {
      const state = createThreadState();
      expect(
        reduceThreadStream(state, { type: "unknown", original_type: "thread.x", raw: {} }),
      ).toBe(state);
      expect(
        reduceThreadStream(state, {
          type: "stream.malformed",
          reason: "invalid_json",
          message: "bad",
          data: "{",
        }),
      ).toBe(state);
    });
  });

  describe("recorded ChatKit streams", () => {
    it("builds the new-thread stream (banking-threads-create-stream.sse)", async () => {
      const state = await replayFixture("banking-threads-create-stream.sse");
      expect(state.thread).toEqual({
        id: "thr_f470d530",
        created_at: "2025-11-27T16:55:21.898537",
        status: { type: "active" },
        metadata: {},
      });
      expect(state.itemIds).toEqual([
        "msg_86628adc",
        "call_4okrzGmgK8sTV1lBndLp61F1",
        "msg_e4ba1d6c",
      ]);
      // The task was added twice under one id: the second replaces the first in place.
      expect(selectThreadItem(state, "call_4okrzGmgK8sTV1lBndLp61F1")).toMatchObject({
        task: { title: "Data extracted from the uploaded image" },
      });
      // The trimmed deltas name other item ids; the final `done` carries the text.
      expect(textOf(state, "msg_e4ba1d6c")).toMatch(/^I've extracted the following details/);
      expect(state.streamingItemIds).toEqual(["call_4okrzGmgK8sTV1lBndLp61F1"]);
      expect(state.allowCancel).toBe(true);
    });

    it("keeps going after the malformed first event of banking-custom-action-stream.sse", async () => {
      const state = await replayFixture("banking-custom-action-stream.sse");
      // The joined first three lines are lost as one malformed event (not JSON); the final
      // `done` still delivers the message.
      expect(state.itemIds).toEqual(["msg_705ad562"]);
      expect(textOf(state, "msg_705ad562")).toBe("The payment could not be processed ");
    });

    for (const name of fixtureNames("chatkit-protocol", ".sse")) {
      it(`never breaks on ${name}, even cut at any event`, async () => {
        const events: ThreadStreamReducerEvent[] = [];
        for await (const event of readThreadStream(readFixture("chatkit-protocol", name))) {
          events.push(event);
        }
        for (let end = 0; end <= events.length; end++) {
          const state = reduceAll(events.slice(0, end), createThreadState());
          expect(new Set(state.itemIds).size).toBe(state.itemIds.length);
          expect(selectThreadItems(state)).toHaveLength(state.itemIds.length);
        }
      });
    }
  });
});
