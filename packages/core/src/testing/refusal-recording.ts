/**
 * A refusal run made from a recorded Assistants run: no public recording of a refusal exists, so
 * tests and stories rewrite a text run into one.
 */

/**
 * The recorded text run with its text sent as a refusal instead, shaped as the API reference's
 * `RefusalDeltaBlock` (`{index, type: "refusal", refusal}`) and `RefusalContentBlock`
 * (`{type: "refusal", refusal}`).
 */
export function asRefusalRecording(sse: string): string {
  return sse
    .split("\n\n")
    .map((block) => {
      const match = /^event: (thread\.message\.(?:delta|completed))\ndata: (.*)$/s.exec(block);
      if (match === null) return block;
      const [, event, json] = match as unknown as [string, string, string];
      const data = JSON.parse(json);
      if (event === "thread.message.delta") {
        data.delta.content = data.delta.content.map(
          (part: { index: number; text: { value: string } }) => ({
            index: part.index,
            type: "refusal",
            refusal: part.text.value,
          }),
        );
      } else {
        data.content = data.content.map((part: { text: { value: string } }) => ({
          type: "refusal",
          refusal: part.text.value,
        }));
      }
      return `event: ${event}\ndata: ${JSON.stringify(data)}`;
    })
    .join("\n\n");
}
