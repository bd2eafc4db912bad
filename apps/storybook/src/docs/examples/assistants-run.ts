import {
  type AssistantRunState,
  assistantRunToThreadItems,
  createAssistantsClient,
  readAssistantStream,
  reduceAssistantRun,
  type ThreadItem,
} from "@threadkit/core";

// On a server (or behind a proxy that adds the key): stream a run and turn it into the same
// thread items the components render. `onItems` receives the whole item list after each event.
const assistants = createAssistantsClient({ apiKey: process.env.OPENAI_API_KEY ?? "" });

export async function streamRun(
  threadId: string,
  assistantId: string,
  onItems: (items: ThreadItem[]) => void,
  signal?: AbortSignal,
): Promise<AssistantRunState | undefined> {
  const body = await assistants.runs.createStream(
    threadId,
    { assistant_id: assistantId },
    signal ? { signal } : {},
  );
  let run: AssistantRunState | undefined;
  for await (const event of readAssistantStream(body, { signal })) {
    run = reduceAssistantRun(run, event);
    onItems(assistantRunToThreadItems(run));
  }
  return run;
}
