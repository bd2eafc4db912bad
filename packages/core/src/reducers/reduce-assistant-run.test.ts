import { fixtureNames, readFixture } from "../../test/fixtures";
import type { Message, RunStep } from "../assistants/types";
import {
  type AssistantStreamReaderEvent,
  readAssistantStream,
} from "../stream/read-assistant-stream";
import {
  type AssistantRunState,
  createAssistantRunState,
  reduceAssistantRun,
} from "./reduce-assistant-run";

const FOLDER = "assistants";

async function readAll(name: string): Promise<AssistantStreamReaderEvent[]> {
  const events: AssistantStreamReaderEvent[] = [];
  for await (const event of readAssistantStream(readFixture(FOLDER, name))) events.push(event);
  return events;
}

function reduceAll(events: readonly AssistantStreamReaderEvent[]): AssistantRunState {
  return events.reduce(reduceAssistantRun, createAssistantRunState());
}

/**
 * File search results (requested with `include[]`) arrive only on the step's completed object;
 * the deltas carry `results: []`. Compare everything else.
 */
function withoutSearchResults(details: RunStep["step_details"]): unknown {
  if (details.type !== "tool_calls") return details;
  return {
    ...details,
    tool_calls: details.tool_calls.map((call) =>
      call.type === "file_search"
        ? { ...call, file_search: { ...call.file_search, results: "(completed only)" } }
        : call,
    ),
  };
}

/**
 * Recordings whose deltas were trimmed by their authors (SOURCES.md), so the accumulated text
 * cannot equal the completed text. Every other recording must match exactly.
 */
const TRIMMED_MESSAGES = new Set([
  "simple-openai-file-search-step-deltas.sse",
  "openapi-create-thread-and-run-streaming.sse",
  "openapi-create-thread-and-run-streaming-functions.sse",
  "openapi-submit-tool-outputs-streaming.sse",
]);

describe("reduceAssistantRun on recorded runs", () => {
  for (const name of fixtureNames(FOLDER, ".sse")) {
    it(`rebuilds every completed message and step of ${name} from its deltas`, async () => {
      const events = await readAll(name);
      let checked = 0;
      for (const [index, event] of events.entries()) {
        if (
          event.event === "thread.message.completed" ||
          event.event === "thread.message.incomplete"
        ) {
          const before = reduceAll(events.slice(0, index));
          const built = before.messages.find((m) => m.id === event.data.id) as Message;
          expect(built).toBeDefined();
          if (TRIMMED_MESSAGES.has(name)) continue;
          expect(built.content).toEqual(event.data.content);
          checked++;
        }
        if (event.event === "thread.run.step.completed") {
          const before = reduceAll(events.slice(0, index));
          const built = before.steps.find((s) => s.id === event.data.id) as RunStep | undefined;
          if (built === undefined) continue; // continuation streams start at step.completed
          expect(withoutSearchResults(built.step_details)).toEqual(
            withoutSearchResults(event.data.step_details),
          );
          checked++;
        }
      }
      const final = reduceAll(events);
      // After the authoritative objects, the state holds them exactly.
      for (const event of events) {
        if (event.event === "thread.message.completed") {
          expect(final.messages.find((m) => m.id === event.data.id)).toEqual(event.data);
        }
        if (event.event === "thread.run.step.completed") {
          expect(final.steps.find((s) => s.id === event.data.id)).toEqual(event.data);
        }
      }
      const completes = events.some(
        (e) => e.event === "thread.message.completed" || e.event === "thread.run.step.completed",
      );
      if (!TRIMMED_MESSAGES.has(name) && completes) {
        expect(checked).toBeGreaterThan(0);
      }
    });
  }
});
