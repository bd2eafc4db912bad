"""In-memory `Store` and two-phase `AttachmentStore` for the scripted server.

Everything lives in process memory and is copied on the way in and out, so the server behaves
like one with a database: what a client sees is only what was saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from chatkit.store import AttachmentStore, NotFoundError, Store
from chatkit.types import (
    Attachment,
    AttachmentCreateParams,
    AttachmentUploadDescriptor,
    FileAttachment,
    ImageAttachment,
    Page,
    ThreadItem,
    ThreadMetadata,
)

Context = dict[str, Any]


def _page(rows: list, after: str | None, limit: int, order: str, key: Callable) -> Page:
    ordered = rows if order == "asc" else list(reversed(rows))
    start = 0
    if after:
        ids = [key(row) for row in ordered]
        if after not in ids:
            raise NotFoundError(f"Cursor {after} not found")
        start = ids.index(after) + 1
    window = ordered[start : start + limit]
    has_more = start + limit < len(ordered)
    return Page(
        data=[row.model_copy(deep=True) for row in window],
        has_more=has_more,
        after=key(window[-1]) if has_more and window else None,
    )


@dataclass
class MemoryStore(Store[Context]):
    """Threads in creation order, each with its items in insertion order."""

    threads: dict[str, ThreadMetadata] = field(default_factory=dict)
    items: dict[str, list[ThreadItem]] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)

    def _thread_items(self, thread_id: str) -> list[ThreadItem]:
        if thread_id not in self.threads:
            raise NotFoundError(f"Thread {thread_id} not found")
        return self.items.setdefault(thread_id, [])

    async def load_thread(self, thread_id: str, context: Context) -> ThreadMetadata:
        if thread_id not in self.threads:
            raise NotFoundError(f"Thread {thread_id} not found")
        return self.threads[thread_id].model_copy(deep=True)

    async def save_thread(self, thread: ThreadMetadata, context: Context) -> None:
        # A `Thread` (with items) is saved as its metadata only.
        self.threads[thread.id] = ThreadMetadata.model_validate(
            thread.model_dump(exclude={"items"})
        )

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: Context
    ) -> Page[ThreadMetadata]:
        rows = sorted(self.threads.values(), key=lambda thread: thread.created_at)
        return _page(rows, after, limit, order, lambda thread: thread.id)

    async def delete_thread(self, thread_id: str, context: Context) -> None:
        self.threads.pop(thread_id, None)
        self.items.pop(thread_id, None)

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: Context
    ) -> Page[ThreadItem]:
        return _page(self._thread_items(thread_id), after, limit, order, lambda item: item.id)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: Context) -> None:
        await self.save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: Context) -> None:
        items = self._thread_items(thread_id)
        copy = item.model_copy(deep=True)
        for index, existing in enumerate(items):
            if existing.id == item.id:
                items[index] = copy
                return
        items.append(copy)

    async def load_item(self, thread_id: str, item_id: str, context: Context) -> ThreadItem:
        for item in self._thread_items(thread_id):
            if item.id == item_id:
                return item.model_copy(deep=True)
        raise NotFoundError(f"Item {item_id} not found in thread {thread_id}")

    async def delete_thread_item(self, thread_id: str, item_id: str, context: Context) -> None:
        items = self._thread_items(thread_id)
        items[:] = [item for item in items if item.id != item_id]

    async def save_attachment(self, attachment: Attachment, context: Context) -> None:
        self.attachments[attachment.id] = attachment.model_copy(deep=True)

    async def load_attachment(self, attachment_id: str, context: Context) -> Attachment:
        if attachment_id not in self.attachments:
            raise NotFoundError(f"Attachment {attachment_id} not found")
        return self.attachments[attachment_id].model_copy(deep=True)

    async def delete_attachment(self, attachment_id: str, context: Context) -> None:
        self.attachments.pop(attachment_id, None)


@dataclass
class MemoryAttachmentStore(AttachmentStore[Context]):
    """Two-phase uploads: `attachments.create` answers an `upload_descriptor` pointing at this
    server's `POST /upload/{id}`; the bytes are kept here and served at `GET /files/{id}`."""

    store: MemoryStore
    base_url: Callable[[], str]
    files: dict[str, bytes] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)

    async def create_attachment(
        self, input: AttachmentCreateParams, context: Context
    ) -> Attachment:
        attachment_id = self.generate_attachment_id(input.mime_type, context)
        descriptor = AttachmentUploadDescriptor(
            url=f"{self.base_url()}/upload/{attachment_id}",
            method="POST",
            headers={"x-upload-token": f"token-{attachment_id}"},
        )
        if input.mime_type.startswith("image/"):
            return ImageAttachment(
                id=attachment_id,
                name=input.name,
                mime_type=input.mime_type,
                upload_descriptor=descriptor,
                preview_url=f"{self.base_url()}/files/{attachment_id}",
            )
        return FileAttachment(
            id=attachment_id,
            name=input.name,
            mime_type=input.mime_type,
            upload_descriptor=descriptor,
        )

    async def delete_attachment(self, attachment_id: str, context: Context) -> None:
        self.files.pop(attachment_id, None)
        self.deleted.append(attachment_id)

    async def receive_upload(self, attachment_id: str, data: bytes, context: Context) -> None:
        """Second phase: keeps the bytes and clears the descriptor, as the SDK asks."""
        attachment = await self.store.load_attachment(attachment_id, context)
        self.files[attachment_id] = data
        await self.store.save_attachment(
            attachment.model_copy(update={"upload_descriptor": None}), context
        )
