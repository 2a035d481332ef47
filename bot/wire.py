"""The getUpdates request with malformed updates dropped at the wire, so one bad update cannot stall polling.

PTB parses a whole getUpdates batch at once; one update it cannot parse fails the batch, the offset never
moves past it, and polling retries it forever. Here each update is checked first: a malformed one is
logged once and replaced by a bare update with the same id, which no handler matches and which confirms
the offset.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)


class SanitizingRequest(HTTPXRequest):
    """HTTPXRequest whose getUpdates answers never carry an update PTB cannot parse."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, read_timeout, write_timeout,
                                                 connect_timeout, pool_timeout)
        if code == 200 and url.rsplit("/", 1)[-1].lower() == "getupdates":
            payload = sanitize_updates(payload)
        return code, payload


def sanitize_updates(payload: bytes) -> bytes:
    """A getUpdates response body with every update that does not parse replaced by its bare id."""
    try:
        body = json.loads(payload)
    except ValueError:
        return payload  # PTB reports a body that is not JSON itself, as a network error
    result = body.get("result") if isinstance(body, dict) else None
    if not isinstance(result, list):
        return payload
    clean: list[Any] = []
    changed = False
    last_id = -1
    for item in result:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            log.warning("dropped an update without a usable update_id: %.200r", item)
            changed = True
            continue
        last_id = max(last_id, update_id)
        try:
            Update.de_json(item, None)
        except Exception as exc:
            log.warning("dropped malformed update %d (%s: %.100s): %.300r", update_id, exc.__class__.__name__,
                        exc, item)
            clean.append({"update_id": update_id})
            changed = True
            continue
        clean.append(item)
    if not changed:
        return payload
    if not clean and last_id < 0 and result:
        log.warning("a getUpdates batch had no usable update ids; it will be fetched again")
    body["result"] = clean
    return json.dumps(body).encode()
