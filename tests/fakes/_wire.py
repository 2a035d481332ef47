"""Bot API wire format for the fake server: request parameters in, ``{"ok": ...}`` replies out.

PTB's HTTPXRequest posts ``application/x-www-form-urlencoded`` bodies, or ``multipart/form-data``
when a file is uploaded. Every value is a string; nested values (reply_markup, entities, commands,
scope, reply_parameters...) are JSON text and numbers are their decimal text. Other clients may
send a JSON body or query-string parameters instead; all three are accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from aiohttp import web

FaultKind = Literal["retry_after", "forbidden", "chat_not_found", "server_error", "timeout", "network"]
FAULT_KINDS: frozenset[str] = frozenset(get_args(FaultKind))

# Free-text parameters stay strings even when they happen to look like JSON ("123", "true", "[1]").
_TEXT_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "secret_token",
        "file_id",
        "language_code",
        "title",
        "description",
        "short_description",
        "name",
        "query",
        "emoji",
        "ip_address",
        "business_connection_id",
        "message_effect_id",
        "document",
        "photo",
        "sticker",
        "video",
        "audio",
        "voice",
        "animation",
        "thumbnail",
    }
)


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart request."""

    field: str
    filename: str
    content: bytes
    content_type: str


class ApiError(Exception):
    """A Bot API error reply: HTTP status ``code`` and the ``description`` Telegram would give."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def response(self) -> web.Response:
        """The error as Telegram sends it."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return _json_response(body, status=self.code)


def ok(result: Any) -> web.Response:
    """A successful Bot API reply."""
    return _json_response({"ok": True, "result": result}, status=200)


def _json_response(body: dict[str, Any], *, status: int) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda obj: json.dumps(obj, ensure_ascii=False))


def decode_value(name: str, value: str) -> Any:
    """Turn one form value back into the JSON value PTB encoded (text parameters stay text)."""
    if name in _TEXT_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Decode the parameters and uploaded files of one Bot API call."""
    params: dict[str, Any] = {k: decode_value(k, v) for k, v in request.query.items()}
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json":
        body = await request.read()
        decoded = json.loads(body) if body.strip() else {}
        if not isinstance(decoded, dict):
            raise ApiError(400, "Bad Request: JSON body must be an object")
        params.update(decoded)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                files[name] = UploadedFile(name, value.filename, value.file.read(), value.content_type)
            else:
                params[name] = decode_value(name, str(value))
    return params, files


@dataclass
class Fault:
    """A planned failure of matching calls; ``times=None`` never runs out."""

    method: str
    kind: FaultKind
    chat_id: int | str | None = None
    times: int | None = 1
    retry_after: int = 1
    delay: float = 3.0
    fired: int = 0

    @property
    def exhausted(self) -> bool:
        """Whether the fault has fired as many times as planned."""
        return self.times is not None and self.fired >= self.times

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        """Whether this fault applies to a call of ``method`` with ``params``."""
        if self.exhausted or self.method not in ("*", method.lower()):
            return False
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)

    def error(self) -> ApiError:
        """The Bot API error for the error-reply kinds."""
        if self.kind == "retry_after":
            return ApiError(429, f"Too Many Requests: retry after {self.retry_after}", retry_after=self.retry_after)
        if self.kind == "forbidden":
            return ApiError(403, "Forbidden: bot was blocked by the user")
        if self.kind == "chat_not_found":
            return ApiError(400, "Bad Request: chat not found")
        return ApiError(500, "Internal Server Error")


@dataclass
class FaultPlan:
    """Faults in the order they were injected; the first live match fires."""

    faults: list[Fault] = field(default_factory=list)

    def add(self, fault: Fault) -> Fault:
        if fault.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}; expected one of {sorted(FAULT_KINDS)}")
        fault.method = fault.method.lower()
        self.faults.append(fault)
        return fault

    def take(self, method: str, params: dict[str, Any]) -> Fault | None:
        """Fire and return the first fault matching this call, if any."""
        for fault in self.faults:
            if fault.matches(method, params):
                fault.fired += 1
                return fault
        return None

    @property
    def fired(self) -> int:
        """How many faults fired in total."""
        return sum(fault.fired for fault in self.faults)

    def clear(self) -> None:
        self.faults.clear()
