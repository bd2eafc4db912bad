"""HTTP front of the scripted official-SDK server (Starlette on uvicorn).

    python apps/official-server/server/main.py --port 8790     (0: any free port)
    python apps/official-server/server/main.py --app diff      (the differential responder)

Prints `official-server listening on http://127.0.0.1:<port>` once it accepts connections.

Routes:
  POST   /chatkit            the ChatKit protocol: `server.process(body, context)`; a
                             StreamingResult as text/event-stream, else JSON
  POST   /upload/{id}        second phase of a two-phase upload (multipart `file`, or raw bytes)
  POST   /direct-upload      a direct upload (multipart `file`): stores the bytes and the
                             attachment metadata, answers the attachment
  GET    /files/{id}         the uploaded bytes (image attachments' preview_url)
  GET    /debug/state        what the server recorded (feedback, transcriptions, uploads), for tests
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys

import uvicorn
from chatkit.server import StreamingResult
from chatkit.store import NotFoundError
from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from chatkit.types import FileAttachment, ImageAttachment

from diff_server import DiffServer
from memory_store import MemoryAttachmentStore, MemoryStore
from scripted_server import ScriptedServer


def create_app(base_url: str, app: str = "scripted") -> Starlette:
    store = MemoryStore()
    attachments = MemoryAttachmentStore(store=store, base_url=lambda: base_url)
    server = (DiffServer if app == "diff" else ScriptedServer)(store, attachments)

    def context(request: Request) -> dict:
        return {"user": request.headers.get("x-user", "anonymous")}

    async def chatkit(request: Request) -> Response:
        body = await request.body()
        try:
            result = await server.process(body, context(request))
        except ValidationError as error:
            return JSONResponse({"error": "invalid_request", "detail": str(error)}, status_code=400)
        except NotFoundError as error:
            return JSONResponse({"error": "not_found", "detail": str(error)}, status_code=404)
        if isinstance(result, StreamingResult):
            return StreamingResponse(result, media_type="text/event-stream")
        return Response(content=result.json, media_type="application/json")

    async def upload(request: Request) -> Response:
        attachment_id = request.path_params["attachment_id"]
        if request.headers.get("x-upload-token") != f"token-{attachment_id}":
            return JSONResponse({"error": "missing upload descriptor headers"}, status_code=403)
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            form = await request.form()
            file = form.get("file")
            if file is None or isinstance(file, str):
                return JSONResponse({"error": "no file field"}, status_code=400)
            data = await file.read()
        else:
            data = await request.body()
        try:
            await attachments.receive_upload(attachment_id, data, context(request))
        except NotFoundError as error:
            return JSONResponse({"error": "not_found", "detail": str(error)}, status_code=404)
        return JSONResponse({"id": attachment_id, "size": len(data)})

    async def direct_upload(request: Request) -> Response:
        form = await request.form()
        file = form.get("file")
        if file is None or isinstance(file, str):
            return JSONResponse({"error": "no file field"}, status_code=400)
        data = await file.read()
        mime_type = file.content_type or "application/octet-stream"
        ctx = context(request)
        attachment_id = attachments.generate_attachment_id(mime_type, ctx)
        name = file.filename or "upload"
        attachment = (
            ImageAttachment(
                id=attachment_id,
                name=name,
                mime_type=mime_type,
                preview_url=f"{base_url}/files/{attachment_id}",
            )
            if mime_type.startswith("image/")
            else FileAttachment(id=attachment_id, name=name, mime_type=mime_type)
        )
        attachments.files[attachment_id] = data
        await store.save_attachment(attachment, ctx)
        return Response(
            content=attachment.model_dump_json(exclude_none=True), media_type="application/json"
        )

    async def file(request: Request) -> Response:
        attachment_id = request.path_params["attachment_id"]
        data = attachments.files.get(attachment_id)
        if data is None:
            return JSONResponse({"error": "not_found"}, status_code=404)
        attachment = store.attachments.get(attachment_id)
        mime = attachment.mime_type if attachment else "application/octet-stream"
        return Response(content=data, media_type=mime)

    async def state(request: Request) -> Response:
        return JSONResponse(
            {
                "feedback": server.feedback,
                "transcriptions": server.transcriptions,
                "uploads": {key: len(value) for key, value in attachments.files.items()},
                "deleted_attachments": attachments.deleted,
                "attachments": sorted(store.attachments),
            }
        )

    return Starlette(
        routes=[
            Route("/chatkit", chatkit, methods=["POST"]),
            Route("/upload/{attachment_id}", upload, methods=["POST", "PUT"]),
            Route("/direct-upload", direct_upload, methods=["POST"]),
            Route("/files/{attachment_id}", file, methods=["GET"]),
            Route("/debug/state", state, methods=["GET"]),
        ],
        middleware=[
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["*"],
                allow_headers=["*"],
                expose_headers=["*"],
            )
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--app", choices=["scripted", "diff"], default="scripted")
    args = parser.parse_args()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)
    port = sock.getsockname()[1]
    base_url = f"http://{args.host}:{port}"

    # The differential script sends bad input on purpose; its tracebacks are expected.
    quiet = args.app == "diff"
    logging.getLogger("chatkit").setLevel(logging.CRITICAL if quiet else logging.WARNING)
    config = uvicorn.Config(
        create_app(base_url, args.app),
        log_level="critical" if quiet else "warning",
        access_log=False,
    )
    print(f"official-server listening on {base_url}", flush=True)
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


if __name__ == "__main__":
    sys.exit(main())
