"""A ChatKit server built on OpenAI's official Python SDK, with a scripted assistant.

Replies are picked by keywords in the user's message (see `KEYWORDS`). They are produced the way
an Agents SDK app produces them: a scripted run of Responses API events goes through
`chatkit.agents.stream_agent_response`, merged with the `AgentContext` helpers
(`stream_widget`, workflows, client tool calls), so the bytes on the wire are the SDK's own.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from chatkit.actions import Action, ActionConfig
from chatkit.agents import AgentContext, ClientToolCall, stream_agent_response
from chatkit.errors import CustomStreamError
from chatkit.server import ChatKitServer
from chatkit.types import (
    AudioInput,
    ClientEffectEvent,
    ClientToolCallItem,
    CustomSummary,
    CustomTask,
    FeedbackKind,
    NoticeEvent,
    ProgressUpdateEvent,
    StructuredInputFreeform,
    StructuredInputItem,
    StructuredInputMultipleChoice,
    StructuredInputMultipleChoiceOption,
    SyncCustomActionResponse,
    TaskItem,
    ThoughtTask,
    ThreadItemDoneEvent,
    ThreadItemReplacedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    TranscriptionResult,
    UserMessageItem,
    UserMessageTagContent,
    WidgetItem,
    Workflow,
)
from chatkit.widgets import Button, Card, Markdown

from memory_store import Context, MemoryAttachmentStore, MemoryStore
from scripted_common import greeting_card, like_greeting, transcription, user_text
from scripted_run import DELAY, ScriptedRun, message_events, png, raw

# Each keyword, what the reply shows. The first keyword found in the message wins.
KEYWORDS = {
    "flaky": "fails with a retryable error on the first attempt, answers on the next",
    "retryable error": "CustomStreamError(allow_retry=True)",
    "fatal error": "CustomStreamError(allow_retry=False)",
    "crash": "an unexpected exception (the SDK sends stream.error)",
    "live widget": "a streamed widget (stream_widget with an async generator) with buttons",
    "widget": "a static widget (stream_widget) with a streamed and a sync action button",
    "workflow": "a custom workflow with custom and thought tasks (AgentContext helpers)",
    "task": "a task item, a progress update, a notice and a client effect",
    "weather": "a client tool call get_weather; the reply continues with its output",
    "image": "a generated image (data:image/png;base64, as the SDK sends it)",
    "question": "a structured input item (threads.add_structured_input answers it)",
    "sources": "a reply with a URL citation and a file citation (annotations)",
    "long story": "a long, slow reply (to cancel while it streams)",
}

class ScriptedServer(ChatKitServer[Context]):
    def __init__(self, store: MemoryStore, attachment_store: MemoryAttachmentStore):
        super().__init__(store, attachment_store)
        self.memory = store
        self.uploads = attachment_store
        self.feedback: list[dict[str, Any]] = []
        self.transcriptions: list[dict[str, Any]] = []
        # How often each user message was answered (threads.retry_after_item answers again).
        self.attempts: Counter[str] = Counter()

    # -- respond ---------------------------------------------------------------------------

    async def respond(
        self,
        thread: ThreadMetadata,
        input_user_message: UserMessageItem | None,
        context: Context,
    ) -> AsyncIterator[ThreadStreamEvent]:
        agent = AgentContext(thread=thread, store=self.store, request_context=context)
        if input_user_message is None:
            run = await self._continue(thread, agent, context)
        else:
            self.attempts[input_user_message.id] += 1
            text = user_text(input_user_message)
            if thread.title is None and text:
                # The SDK sends `thread.updated` when respond() changes the thread.
                thread.title = text[:60]
            run = self._script(thread, input_user_message, text.lower(), agent)
        async for event in stream_agent_response(agent, ScriptedRun(run)):
            yield event

    async def _continue(
        self, thread: ThreadMetadata, agent: AgentContext, context: Context
    ) -> AsyncIterator[Any]:
        """After a client tool's output or a structured input's answers."""
        page = await self.store.load_thread_items(thread.id, None, 1, "desc", context)
        last = page.data[0] if page.data else None
        if isinstance(last, ClientToolCallItem):
            text = f"Weather from the browser: {json.dumps(last.output, sort_keys=True)}"
        elif isinstance(last, StructuredInputItem):
            answers = {
                question.id: (question.answer.values if question.answer else [])
                for question in last.inputs
            }
            text = f"Answers ({last.status}): {json.dumps(answers, sort_keys=True)}"
        else:
            text = "Nothing to continue."
        return message_events(agent.generate_id("message"), text)

    async def _script(
        self,
        thread: ThreadMetadata,
        message: UserMessageItem,
        text: str,
        agent: AgentContext,
    ) -> AsyncIterator[Any]:
        attempt = self.attempts[message.id]
        reply_id = agent.generate_id("message")
        keyword = next((word for word in KEYWORDS if word in text), None)

        if keyword == "flaky" and attempt == 1:
            async for event in message_events(reply_id, "Half a reply before the failure"):
                yield event
            raise CustomStreamError("The scripted model failed; try again.", allow_retry=True)
        if keyword == "retryable error":
            raise CustomStreamError("Something went wrong; try again.", allow_retry=True)
        if keyword == "fatal error":
            raise CustomStreamError("This request cannot be answered.", allow_retry=False)
        if keyword == "crash":
            raise RuntimeError("scripted crash")

        if keyword == "live widget":

            async def frames() -> AsyncIterator[Card]:
                words = "Counting one two three four five".split()
                for count in range(1, len(words) + 1):
                    await asyncio.sleep(DELAY)
                    yield Card(
                        key="live",
                        children=[
                            Markdown(
                                id="live-body",
                                value=" ".join(words[:count]),
                                streaming=count < len(words),
                            ),
                            Button(
                                key="greet",
                                label="Greet",
                                onClickAction=ActionConfig(type="greet", payload={"name": "Live"}),
                            ),
                        ],
                    )

            await agent.stream_widget(frames(), copy_text="Counting")
            await asyncio.sleep(DELAY * 5)
        elif keyword == "widget":
            await agent.stream_widget(greeting_card("Ada"), copy_text="Say hello")
            await asyncio.sleep(DELAY * 5)
        elif keyword == "workflow":
            await agent.start_workflow(Workflow(type="custom", tasks=[]))
            await agent.add_workflow_task(
                CustomTask(
                    title="Plan the trip",
                    content="Check **trains** and *hotels*",
                    status_indicator="loading",
                )
            )
            await asyncio.sleep(DELAY)
            await agent.add_workflow_task(ThoughtTask(title="Thinking", content="Lisbon is **sunny**"))
            await asyncio.sleep(DELAY)
            await agent.update_workflow_task(
                CustomTask(
                    title="Plan the trip",
                    content="Check **trains** and *hotels*",
                    status_indicator="complete",
                ),
                0,
            )
            await agent.end_workflow(summary=CustomSummary(title="Planned the trip"))
            await asyncio.sleep(DELAY * 5)
        elif keyword == "task":
            await agent.stream(ProgressUpdateEvent(text="Looking things up", icon="search"))
            await agent.stream(
                ThreadItemDoneEvent(
                    item=TaskItem(
                        id=agent.generate_id("task"),
                        thread_id=thread.id,
                        created_at=datetime.now(),
                        task=CustomTask(title="Looked it up", content="Found **3** results"),
                    )
                )
            )
            await agent.stream(NoticeEvent(level="info", title="Heads up", message="A *notice*"))
            await agent.stream(ClientEffectEvent(name="confetti", data={"count": 3}))
            await asyncio.sleep(DELAY * 5)
        elif keyword == "weather":
            async for event in message_events(reply_id, "Asking the browser for the weather."):
                yield event
            agent.client_tool_call = ClientToolCall(name="get_weather", arguments={"city": "Oslo"})
            return
        elif keyword == "image":
            image = base64.b64encode(png()).decode()
            call = SimpleNamespace(type="image_generation_call", id="ig_scripted")
            yield raw(type="response.output_item.added", item=call)
            await asyncio.sleep(DELAY)
            yield raw(
                type="response.image_generation_call.partial_image",
                item_id="ig_scripted",
                partial_image_b64=image,
                partial_image_index=0,
            )
            await asyncio.sleep(DELAY)
            yield raw(
                type="response.output_item.done",
                item=SimpleNamespace(type="image_generation_call", id="ig_scripted", result=image),
            )
            await asyncio.sleep(DELAY)
            reply_id = agent.generate_id("message")
        elif keyword == "question":
            await agent.stream(
                ThreadItemDoneEvent(
                    item=StructuredInputItem(
                        id=agent.generate_id("message"),
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
            )
            return

        if keyword == "sources":
            text = "Lisbon is sunny in May."
            citations = [
                {
                    "type": "url_citation",
                    "url": "https://example.com/lisbon",
                    "title": "Lisbon weather",
                    "start_index": 0,
                    "end_index": len(text),
                },
                {"type": "file_citation", "file_id": "file_1", "filename": "notes.pdf", "index": 6},
            ]
            async for event in message_events(reply_id, text, annotations=citations):
                yield event
            return
        if keyword == "long story":
            story = " ".join(f"Chapter {n} goes on." for n in range(1, 41))
            async for event in message_events(reply_id, story, chunk=8, delay=0.03):
                yield event
            return

        async for event in message_events(reply_id, self._summary(message, keyword, attempt)):
            yield event

    def _summary(self, message: UserMessageItem, keyword: str | None, attempt: int) -> str:
        lines = [f"You said: {user_text(message)}", f"Attempt {attempt}."]
        if keyword:
            lines.append(f"Showed: {KEYWORDS[keyword]}.")
        tags = [part for part in message.content if isinstance(part, UserMessageTagContent)]
        if tags:
            lines.append(
                "Tags: "
                + ", ".join(f"{tag.text} {json.dumps(tag.data, sort_keys=True)}" for tag in tags)
            )
        if message.attachments:
            lines.append(
                "Attachments: "
                + ", ".join(
                    f"{a.name} ({a.mime_type}, {len(self.uploads.files.get(a.id, b''))} bytes)"
                    for a in message.attachments
                )
            )
        if message.inference_options.model or message.inference_options.tool_choice:
            lines.append(
                "Options: "
                + message.inference_options.model_dump_json(exclude_none=True)
            )
        return "\n\n".join(lines)

    # -- actions -----------------------------------------------------------------------------

    async def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Context,
    ) -> AsyncIterator[ThreadStreamEvent]:
        agent = AgentContext(thread=thread, store=self.store, request_context=context)
        name = (action.payload or {}).get("name", "nobody")

        async def run() -> AsyncIterator[Any]:
            if action.type == "greet" and sender is not None:
                liked = "Liked" in sender.widget.model_dump_json()
                await agent.stream(
                    ThreadItemReplacedEvent(
                        item=sender.model_copy(
                            update={"widget": greeting_card(name, greeted=True, liked=liked)}
                        )
                    )
                )
                await asyncio.sleep(DELAY * 5)
                text = f"Greeted {name} from the widget."
            else:
                text = f"Action {action.type} with {json.dumps(action.payload, sort_keys=True)}."
            async for event in message_events(agent.generate_id("message"), text):
                yield event

        async for event in stream_agent_response(agent, ScriptedRun(run())):
            yield event

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
        await self.store.load_thread(thread_id, context)
        self.feedback.append({"thread_id": thread_id, "item_ids": item_ids, "kind": feedback})

    async def transcribe(self, audio_input: AudioInput, context: Context) -> TranscriptionResult:
        return transcription(self.transcriptions, audio_input)
