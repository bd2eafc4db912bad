"""The differential responder: a ChatKit server on the official SDK whose replies are plain,
deterministic ChatKit events, for comparing @threadkit/server with the SDK event by event.

`packages/server/test/helpers/diff-app.ts` is the same responder written for @threadkit/server;
the two must stay in step (same keywords, same events, same texts). The first keyword found in
the user's text picks the reply:

  tool          a message, then a pending client tool call `get_weather` (call_1)
  question      a pending structured input item
  live widget   a streamed widget (SDK `stream_widget` with an async generator of roots)
  widget        a static widget with a Greet (streamed action) and a Like (sync action) button
  workflow      a workflow item: task added, task updated, done with a custom summary
  effects       progress update, notice, client effect and a task item
  hidden        a hidden context item (never sent) and a message
  sources       a message whose annotations stream as `annotation_added` updates
  remove        a message, then `thread.item.removed` of it, then another message
  lock          locks the thread (`thread.updated`) and answers
  domains       sets the thread's allowed_image_domains and metadata, and answers
  custom error  half a message, then CustomStreamError(allow_retry=True)
  stream error  StreamError("stream.error", allow_retry=False)
  crash         an unexpected exception (the SDK sends `stream.error`)
  cancel me     half a message, then waits until the client goes away
  (none)        "You said: …" with the attempt number, tags, quoted text, attachments, options

For the server benchmark, a message starting with `hold` streams "Held" and waits until the client
goes away, and `burst N` streams N one-word deltas at once.

Every reply to a user message sets the thread's title from the first message when it has none.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from chatkit.actions import Action
from chatkit.errors import CustomStreamError, StreamError
from chatkit.server import ChatKitServer, stream_widget
from chatkit.types import (
    Annotation,
    AssistantMessageContent,
    AssistantMessageContentPartAdded,
    AssistantMessageContentPartAnnotationAdded,
    AssistantMessageContentPartDone,
    AssistantMessageContentPartTextDelta,
    AssistantMessageItem,
    AudioInput,
    ClientEffectEvent,
    ClientToolCallItem,
    CustomSummary,
    CustomTask,
    EndOfTurnItem,
    FeedbackKind,
    FileSource,
    HiddenContextItem,
    LockedStatus,
    NoticeEvent,
    ProgressUpdateEvent,
    StructuredInputFreeform,
    StructuredInputItem,
    StructuredInputMultipleChoice,
    StructuredInputMultipleChoiceOption,
    SyncCustomActionResponse,
    TaskItem,
    ThoughtTask,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemRemovedEvent,
    ThreadItemReplacedEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    TranscriptionResult,
    URLSource,
    UserMessageItem,
    UserMessageTagContent,
    WidgetItem,
    Workflow,
    WorkflowItem,
    WorkflowTaskAdded,
    WorkflowTaskUpdated,
)
from chatkit.widgets import Card, Markdown, Title

from memory_store import Context, MemoryAttachmentStore, MemoryStore
from scripted_common import greeting_card, like_greeting, transcription, user_text

KEYWORDS = [
    "tool",
    "question",
    "live widget",
    "widget",
    "workflow",
    "effects",
    "hidden",
    "sources",
    "remove",
    "lock",
    "domains",
    "custom error",
    "stream error",
    "crash",
    "cancel me",
]


def dumps(value: Any) -> str:
    """JSON with sorted keys and no spaces (as `JSON.stringify` of a sorted object)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def live_card(words: list[str], streaming: bool) -> Card:
    return Card(
        key="live",
        children=[
            Title(id="live-title", value="Counting"),
            Markdown(id="live-body", value=" ".join(words), streaming=streaming),
        ],
    )


class DiffServer(ChatKitServer[Context]):
    def __init__(self, store: MemoryStore, attachment_store: MemoryAttachmentStore):
        super().__init__(store, attachment_store)
        self.uploads = attachment_store
        self.feedback: list[dict[str, Any]] = []
        self.transcriptions: list[dict[str, Any]] = []
        self.attempts: Counter[str] = Counter()

    # -- building blocks -------------------------------------------------------------------

    def _new_id(self, thread: ThreadMetadata, context: Context, kind: str = "message") -> str:
        return self.store.generate_item_id(kind, thread, context)  # type: ignore[arg-type]

    async def _stream_text(
        self,
        thread: ThreadMetadata,
        context: Context,
        chunks: list[str],
        annotations: list[Annotation] | None = None,
    ) -> AsyncIterator[ThreadStreamEvent]:
        item = AssistantMessageItem(
            id=self._new_id(thread, context),
            thread_id=thread.id,
            created_at=datetime.now(),
            content=[],
        )
        yield ThreadItemAddedEvent(item=item)
        yield ThreadItemUpdatedEvent(
            item_id=item.id,
            update=AssistantMessageContentPartAdded(
                content_index=0, content=AssistantMessageContent(text="")
            ),
        )
        for chunk in chunks:
            yield ThreadItemUpdatedEvent(
                item_id=item.id,
                update=AssistantMessageContentPartTextDelta(content_index=0, delta=chunk),
            )
        for index, annotation in enumerate(annotations or []):
            yield ThreadItemUpdatedEvent(
                item_id=item.id,
                update=AssistantMessageContentPartAnnotationAdded(
                    content_index=0, annotation_index=index, annotation=annotation
                ),
            )
        part = AssistantMessageContent(text="".join(chunks), annotations=annotations or [])
        yield ThreadItemUpdatedEvent(
            item_id=item.id,
            update=AssistantMessageContentPartDone(content_index=0, content=part),
        )
        yield ThreadItemDoneEvent(item=item.model_copy(update={"content": [part]}))

    def _message(self, thread: ThreadMetadata, context: Context, text: str) -> ThreadItemDoneEvent:
        return ThreadItemDoneEvent(
            item=AssistantMessageItem(
                id=self._new_id(thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),
                content=[AssistantMessageContent(text=text)],
            )
        )

    # -- respond ---------------------------------------------------------------------------

    async def respond(
        self,
        thread: ThreadMetadata,
        input_user_message: UserMessageItem | None,
        context: Context,
    ) -> AsyncIterator[ThreadStreamEvent]:
        if input_user_message is None:
            async for event in self._continue(thread, context):
                yield event
            return
        self.attempts[input_user_message.id] += 1
        attempt = self.attempts[input_user_message.id]
        text = user_text(input_user_message)
        burst = re.match(r"burst (\d+)", text)
        if text.startswith("hold") or burst:
            chunks = ["Held"] if burst is None else [f"w{n} " for n in range(int(burst[1]))]
            item = AssistantMessageItem(
                id=self._new_id(thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),
                content=[],
            )
            if burst is None:
                yield ThreadItemAddedEvent(item=item)
                yield ThreadItemUpdatedEvent(
                    item_id=item.id,
                    update=AssistantMessageContentPartAdded(
                        content_index=0, content=AssistantMessageContent(text="")
                    ),
                )
                yield ThreadItemUpdatedEvent(
                    item_id=item.id,
                    update=AssistantMessageContentPartTextDelta(content_index=0, delta="Held"),
                )
                await asyncio.Event().wait()
            async for event in self._stream_text(thread, context, chunks):
                yield event
            return
        if thread.title is None and text:
            thread.title = text[:40]
        keyword = next((word for word in KEYWORDS if word in text.lower()), None)

        if keyword == "tool":
            yield self._message(thread, context, "Asking the browser.")
            yield ThreadItemDoneEvent(
                item=ClientToolCallItem(
                    id=self._new_id(thread, context, "tool_call"),
                    thread_id=thread.id,
                    created_at=datetime.now(),
                    call_id="call_1",
                    name="get_weather",
                    arguments={"city": "Oslo", "units": ["c"]},
                )
            )
        elif keyword == "question":
            yield ThreadItemDoneEvent(
                item=StructuredInputItem(
                    id=self._new_id(thread, context),
                    thread_id=thread.id,
                    created_at=datetime.now(),
                    inputs=[
                        StructuredInputMultipleChoice(
                            id="size",
                            question="Which size?",
                            options=[
                                StructuredInputMultipleChoiceOption(value="small"),
                                StructuredInputMultipleChoiceOption(value="large"),
                            ],
                        ),
                        StructuredInputFreeform(id="note", question="Anything else?"),
                    ],
                )
            )
        elif keyword == "live widget":

            async def frames() -> AsyncIterator[Card]:
                words = "one two three".split()
                for count in range(1, len(words) + 1):
                    yield live_card(words[:count], streaming=count < len(words))
                yield live_card(words, streaming=False).model_copy(
                    update={"children": [Title(id="live-title", value="Counted")]}
                )

            async for event in stream_widget(
                thread,
                frames(),
                copy_text="Counting",
                generate_id=lambda kind: self._new_id(thread, context, kind),
            ):
                yield event
        elif keyword == "widget":
            async for event in stream_widget(
                thread,
                greeting_card("Ada"),
                copy_text="Say hello",
                generate_id=lambda kind: self._new_id(thread, context, kind),
            ):
                yield event
        elif keyword == "workflow":
            item = WorkflowItem(
                id=self._new_id(thread, context, "workflow"),
                thread_id=thread.id,
                created_at=datetime.now(),
                workflow=Workflow(type="custom", tasks=[], expanded=True),
            )
            yield ThreadItemAddedEvent(item=item)
            planning = CustomTask(title="Plan", content="Check **trains**", status_indicator="loading")
            yield ThreadItemUpdatedEvent(
                item_id=item.id, update=WorkflowTaskAdded(task_index=0, task=planning)
            )
            thought = ThoughtTask(title="Thinking", content="Lisbon is sunny")
            yield ThreadItemUpdatedEvent(
                item_id=item.id, update=WorkflowTaskAdded(task_index=1, task=thought)
            )
            planned = planning.model_copy(update={"status_indicator": "complete"})
            yield ThreadItemUpdatedEvent(
                item_id=item.id, update=WorkflowTaskUpdated(task_index=0, task=planned)
            )
            yield ThreadItemDoneEvent(
                item=item.model_copy(
                    update={
                        "workflow": Workflow(
                            type="custom",
                            tasks=[planned, thought],
                            summary=CustomSummary(title="Planned"),
                            expanded=False,
                        )
                    }
                )
            )
            yield ThreadItemDoneEvent(
                item=EndOfTurnItem(
                    id=self._new_id(thread, context), thread_id=thread.id, created_at=datetime.now()
                )
            )
        elif keyword == "effects":
            yield ProgressUpdateEvent(text="Looking things up", icon="search")
            yield NoticeEvent(level="info", title="Heads up", message="A *notice*")
            yield ClientEffectEvent(name="confetti", data={"count": 3})
            yield ThreadItemDoneEvent(
                item=TaskItem(
                    id=self._new_id(thread, context, "task"),
                    thread_id=thread.id,
                    created_at=datetime.now(),
                    task=CustomTask(title="Looked it up", content="Found **3** results"),
                )
            )
        elif keyword == "hidden":
            yield ThreadItemDoneEvent(
                item=HiddenContextItem(
                    id=self._new_id(thread, context),
                    thread_id=thread.id,
                    created_at=datetime.now(),
                    content={"secret": "for the model only"},
                )
            )
            yield self._message(thread, context, "Noted.")
        elif keyword == "sources":
            sources = [
                Annotation(
                    source=URLSource(url="https://example.com/lisbon", title="Lisbon weather"),
                    index=6,
                ),
                Annotation(source=FileSource(filename="notes.pdf", title="Notes")),
            ]
            async for event in self._stream_text(
                thread, context, ["Lisbon ", "is sunny."], annotations=sources
            ):
                yield event
        elif keyword == "remove":
            first = self._message(thread, context, "This goes away.")
            yield first
            yield ThreadItemRemovedEvent(item_id=first.item.id)
            yield self._message(thread, context, "This stays.")
        elif keyword == "lock":
            thread.status = LockedStatus(reason="Support took over")
            yield self._message(thread, context, "Locked.")
        elif keyword == "domains":
            thread.allowed_image_domains = ["images.example.com"]
            thread.metadata = {"topic": "travel"}
            yield self._message(thread, context, "Domains set.")
        elif keyword == "custom error":
            item_id = self._new_id(thread, context)
            yield ThreadItemAddedEvent(
                item=AssistantMessageItem(
                    id=item_id, thread_id=thread.id, created_at=datetime.now(), content=[]
                )
            )
            raise CustomStreamError("The model is unavailable.", allow_retry=True)
        elif keyword == "stream error":
            raise StreamError("stream.error", allow_retry=False)  # type: ignore[arg-type]
        elif keyword == "crash":
            raise RuntimeError("scripted crash")
        elif keyword == "cancel me":
            item = AssistantMessageItem(
                id=self._new_id(thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),
                content=[],
            )
            yield ThreadItemAddedEvent(item=item)
            yield ThreadItemUpdatedEvent(
                item_id=item.id,
                update=AssistantMessageContentPartAdded(
                    content_index=0, content=AssistantMessageContent(text="")
                ),
            )
            for chunk in ["Once ", "upon ", "a time"]:
                yield ThreadItemUpdatedEvent(
                    item_id=item.id,
                    update=AssistantMessageContentPartTextDelta(content_index=0, delta=chunk),
                )
            # Waits until the client goes away (the server cancels this generator).
            await asyncio.Event().wait()
        else:
            summary = self._summary(input_user_message, attempt)
            chunks = [summary[i : i + 12] for i in range(0, len(summary), 12)]
            async for event in self._stream_text(thread, context, chunks):
                yield event

    async def _continue(
        self, thread: ThreadMetadata, context: Context
    ) -> AsyncIterator[ThreadStreamEvent]:
        """After a client tool's output or a structured input's answers."""
        page = await self.store.load_thread_items(thread.id, None, 1, "desc", context)
        last = page.data[0] if page.data else None
        if isinstance(last, ClientToolCallItem):
            text = f"Tool {last.name} said {dumps(last.output)}"
        elif isinstance(last, StructuredInputItem):
            answers = {
                question.id: (question.answer.model_dump() if question.answer else None)
                for question in last.inputs
            }
            text = f"Answers ({last.status}): {dumps(answers)}"
        else:
            text = "Nothing to continue."
        yield self._message(thread, context, text)

    def _summary(self, message: UserMessageItem, attempt: int) -> str:
        lines = [f"You said: {user_text(message)}", f"Attempt {attempt}."]
        tags = [part for part in message.content if isinstance(part, UserMessageTagContent)]
        if tags:
            lines.append("Tags: " + ", ".join(f"{tag.text} {dumps(tag.data)}" for tag in tags))
        if message.quoted_text:
            lines.append(f"Quoted: {message.quoted_text}")
        if message.attachments:
            lines.append(
                "Attachments: "
                + ", ".join(
                    f"{a.name} ({a.mime_type}, {len(self.uploads.files.get(a.id, b''))} bytes)"
                    for a in message.attachments
                )
            )
        options = message.inference_options.model_dump(exclude_none=True)
        if options:
            lines.append(f"Options: {dumps(options)}")
        return "\n".join(lines)

    # -- actions -----------------------------------------------------------------------------

    async def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Context,
    ) -> AsyncIterator[ThreadStreamEvent]:
        name = (action.payload or {}).get("name", "nobody")
        if action.type == "greet" and sender is not None:
            liked = "Liked" in sender.widget.model_dump_json()
            yield ThreadItemReplacedEvent(
                item=sender.model_copy(
                    update={"widget": greeting_card(name, greeted=True, liked=liked)}
                )
            )
            yield self._message(thread, context, f"Greeted {name}.")
            return
        yield self._message(
            thread, context, f"Action {action.type} with {dumps(action.payload)}."
        )

    async def sync_action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Context,
    ) -> SyncCustomActionResponse:
        return await like_greeting(self.store, thread, action, sender, context)

    # -- the rest of the protocol --------------------------------------------------------------

    async def add_feedback(
        self, thread_id: str, item_ids: list[str], feedback: FeedbackKind, context: Context
    ) -> None:
        self.feedback.append({"thread_id": thread_id, "item_ids": item_ids, "kind": feedback})

    async def transcribe(self, audio_input: AudioInput, context: Context) -> TranscriptionResult:
        return transcription(self.transcriptions, audio_input)
