"""A scripted stand-in for an Agents SDK run: Responses API stream events, as
`chatkit.agents.stream_agent_response` reads them from `RunResultStreaming.stream_events()`."""

from __future__ import annotations

import asyncio
import struct
import zlib
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

from agents import RawResponsesStreamEvent

# Pause between two streamed deltas, so that replies stream as they would from a model.
DELAY = 0.01


def png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (16, 163, 127)) -> bytes:
    """A small solid-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def raw(**data: Any) -> RawResponsesStreamEvent:
    """One Responses API stream event, as the Agents SDK hands it over."""
    return RawResponsesStreamEvent(data=SimpleNamespace(**data))


def output_text(text: str, annotations: list[dict[str, Any]] | None = None) -> SimpleNamespace:
    return SimpleNamespace(type="output_text", text=text, annotations=annotations or [])


async def message_events(
    item_id: str,
    text: str,
    chunk: int = 6,
    annotations: list[dict[str, Any]] | None = None,
    delay: float = 0.0,
) -> AsyncIterator[Any]:
    """An assistant message streamed in small deltas, as the Responses API streams it, with
    Responses API annotations (url_citation, file_citation) after the text."""
    yield raw(
        type="response.output_item.added",
        item=SimpleNamespace(type="message", id=item_id, content=[]),
    )
    yield raw(
        type="response.content_part.added",
        item_id=item_id,
        content_index=0,
        part=output_text(""),
    )
    for start in range(0, len(text), chunk):
        await asyncio.sleep(delay or DELAY)
        yield raw(
            type="response.output_text.delta",
            item_id=item_id,
            content_index=0,
            delta=text[start : start + chunk],
        )
    for index, annotation in enumerate(annotations or []):
        yield raw(
            type="response.output_text.annotation.added",
            item_id=item_id,
            content_index=0,
            annotation_index=index,
            annotation=annotation,
        )
    yield raw(type="response.output_text.done", item_id=item_id, content_index=0, text=text)
    yield raw(
        type="response.output_item.done",
        item=SimpleNamespace(
            type="message", id=item_id, content=[output_text(text, annotations)]
        ),
    )


class ScriptedRun:
    """Stands in for `agents.RunResultStreaming`: `stream_agent_response` reads only
    `stream_events()`."""

    def __init__(self, events: AsyncIterator[Any]):
        self._events = events

    async def stream_events(self) -> AsyncIterator[Any]:
        async for event in self._events:
            yield event
