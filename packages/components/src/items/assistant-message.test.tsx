import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import {
  type AssistantMessageItem,
  assistantRunToThreadItems,
  createAssistantRunState,
  readAssistantStream,
  reduceAssistantRun,
} from "@threadkit/core";
import { asRefusalRecording } from "@threadkit/core/testing";
import { vi } from "vitest";
import { ThreadUIProvider } from "../context";
import { AssistantMessage } from "./assistant-message";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const recording = readFileSync(
  path.resolve(repoRoot, "fixtures/assistants/dotnet-streaming-run-text.sse"),
  "utf8",
);

/** Every state of the assistant message item while the run streams, then the final one. */
async function reduceRun(sse: string): Promise<AssistantMessageItem[]> {
  let state = createAssistantRunState();
  const seen: AssistantMessageItem[] = [];
  for await (const event of readAssistantStream(sse)) {
    state = reduceAssistantRun(state, event);
    const item = assistantRunToThreadItems(state).find((i) => i.type === "assistant_message");
    if (item?.type === "assistant_message" && item !== seen.at(-1)) seen.push(item);
  }
  return seen;
}

const refusalPart = (container: HTMLElement) =>
  container.querySelectorAll('[data-tk-part="message-refusal"]');

describe("AssistantMessage refusals", () => {
  it("renders a streamed Assistants refusal as the styled notice, not as markdown", async () => {
    const states = await reduceRun(asRefusalRecording(recording));
    const final = states.at(-1) as AssistantMessageItem;
    const text = final.content[0]?.text ?? "";
    expect(text).toMatch(/^Hello! I'm just a program/);

    const partial = states.find((s) => s.content[0]?.text && s.content[0].text !== text);
    expect(partial?.content[0]?.refusal).toBe(true);
    const { container, rerender } = render(
      <AssistantMessage item={partial as AssistantMessageItem} status="streaming" />,
    );
    const message = container.querySelector('[data-tk-part="message"]');
    expect(message).toHaveAttribute("data-refusal", "");
    // The partial refusal shows while it streams.
    expect(refusalPart(container)).toHaveLength(1);
    expect(refusalPart(container)[0]).toHaveTextContent(partial?.content[0]?.text ?? "-");
    expect(text.startsWith(refusalPart(container)[0]?.textContent ?? "-")).toBe(true);

    rerender(<AssistantMessage item={final} status="done" />);
    expect(refusalPart(container)).toHaveLength(1);
    expect(refusalPart(container)[0]).toHaveTextContent(text);
    // Only the notice holds the text: no markdown paragraph repeats it.
    expect(screen.getAllByText(text)).toHaveLength(1);
    expect(
      container.querySelector('[data-tk-part="message-content"] > p:not([data-tk-part])'),
    ).toBe(null);
  });

  it("copies the refusal text", async () => {
    const [final] = (await reduceRun(asRefusalRecording(recording))).slice(-1);
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const onCopy = vi.fn();
    render(
      <ThreadUIProvider onCopy={onCopy}>
        <AssistantMessage item={final as AssistantMessageItem} status="done" />
      </ThreadUIProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(onCopy).toHaveBeenCalled());
    expect(writeText).toHaveBeenCalledWith(final?.content[0]?.text);
  });

  it("keeps text and refusal parts in their order, styling only the refusal", () => {
    const item: AssistantMessageItem = {
      type: "assistant_message",
      id: "msg_1",
      thread_id: "thr",
      created_at: "2026-05-01T10:00:00Z",
      content: [
        { type: "output_text", text: "Here is the **summary**.", annotations: [] },
        { type: "output_text", text: "I can't share the details.", annotations: [], refusal: true },
      ],
    };
    const { container } = render(<AssistantMessage item={item} />);
    const content = container.querySelector('[data-tk-part="message-content"]');
    expect(content?.textContent).toBe("Here is the summary.I can't share the details.");
    expect(content?.querySelector("strong")).toHaveTextContent("summary");
    expect(refusalPart(container)).toHaveLength(1);
    expect(refusalPart(container)[0]).toHaveTextContent("I can't share the details.");
  });

  it("says the assistant declined when a finished refusal is empty", () => {
    const item: AssistantMessageItem = {
      type: "assistant_message",
      id: "msg_1",
      thread_id: "thr",
      created_at: "2026-05-01T10:00:00Z",
      content: [{ type: "output_text", text: "", annotations: [], refusal: true }],
    };
    const { container } = render(<AssistantMessage item={item} />);
    expect(refusalPart(container)[0]).toHaveTextContent("The assistant declined this request.");
  });

  it("renders ordinary replies without refusal styling", () => {
    const item: AssistantMessageItem = {
      type: "assistant_message",
      id: "msg_1",
      thread_id: "thr",
      created_at: "2026-05-01T10:00:00Z",
      content: [{ type: "output_text", text: "Hello", annotations: [] }],
    };
    const { container } = render(<AssistantMessage item={item} />);
    expect(container.querySelector('[data-tk-part="message"]')).not.toHaveAttribute("data-refusal");
    expect(refusalPart(container)).toHaveLength(0);
  });
});
