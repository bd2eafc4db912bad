"""What the scripted servers (the fixture server and the differential one) answer alike: the
greeting card and its sync "like" action, the user's text, and recorded transcriptions."""

from __future__ import annotations

from typing import Any

from chatkit.actions import Action, ActionConfig
from chatkit.types import (
    AudioInput,
    SyncCustomActionResponse,
    ThreadMetadata,
    TranscriptionResult,
    UserMessageItem,
    UserMessageTextContent,
    WidgetItem,
)
from chatkit.widgets import Button, Card, Row, Text, Title

from memory_store import Context, MemoryStore


def user_text(message: UserMessageItem | None) -> str:
    if message is None:
        return ""
    return " ".join(
        part.text for part in message.content if isinstance(part, UserMessageTextContent)
    )


def greeting_card(name: str, greeted: bool = False, liked: bool = False) -> Card:
    return Card(
        key="greeting",
        children=[
            Title(id="title", value=f"Hello, {name}!" if greeted else "Say hello"),
            Text(id="likes", value="Liked" if liked else "Not liked yet"),
            Row(
                children=[
                    Button(
                        key="greet",
                        label="Greet",
                        onClickAction=ActionConfig(type="greet", payload={"name": name}),
                    ),
                    Button(
                        key="like",
                        label="Like",
                        onClickAction=ActionConfig(
                            type="like", payload={"name": name}, streaming=False
                        ),
                    ),
                ]
            ),
        ],
    )


async def like_greeting(
    store: MemoryStore,
    thread: ThreadMetadata,
    action: Action[str, Any],
    sender: WidgetItem | None,
    context: Context,
) -> SyncCustomActionResponse:
    """The sync "like" action: the greeting card marked liked, saved and returned."""
    if action.type != "like" or sender is None:
        return SyncCustomActionResponse(updated_item=None)
    name = (action.payload or {}).get("name", "nobody")
    greeted = "Hello," in sender.widget.model_dump_json()
    updated = sender.model_copy(
        update={"widget": greeting_card(name, greeted=greeted, liked=True)}
    )
    # The SDK returns the item; keeping it is the integration's job.
    await store.save_item(thread.id, updated, context)
    return SyncCustomActionResponse(updated_item=updated)


def transcription(log: list[dict[str, Any]], audio_input: AudioInput) -> TranscriptionResult:
    """Records the audio's type and size in `log` and answers a sentence naming them."""
    log.append({"mime_type": audio_input.mime_type, "size": len(audio_input.data)})
    return TranscriptionResult(
        text=f"Transcribed {len(audio_input.data)} bytes of {audio_input.media_type}"
    )
