"""A file shared with a command, fetched from Slack with the bot token (never from elsewhere)."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from aiohttp import ClientError, ClientSession, ClientTimeout

from handlers.command import MAX_ATTACHMENT_BYTES, Attachment, Command
from handlers.reply import Reply
from handlers.source_import import SERVER_COMMAND

log = logging.getLogger(__name__)

#: where Slack serves the files users share (``url_private``)
FILES_ORIGIN = "https://files.slack.com"
#: seconds a file's download may take
DOWNLOAD_TIMEOUT = 30.0


async def with_file(
    command: Command, file: dict[str, Any], base_url: str, token: str | None
) -> Command | Reply:
    """The command with the file's bytes attached, or a Reply when Slack does not give
    them (a file from elsewhere, a failed download)."""
    name = str(file.get("name") or file.get("title") or "file")
    size = file.get("size")
    if isinstance(size, int) and size > MAX_ATTACHMENT_BYTES:
        return replace(command, attachment=Attachment(name, b"", size))
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    problem = None if is_slack_file(url, base_url) else "it is not a file Slack serves"
    data = b""
    if problem is None:
        try:
            data = await _download(url, token)
        except (ClientError, TimeoutError) as error:
            problem = f"the download failed: {error or type(error).__name__}"
    if problem is not None:
        log.warning("slack: file %s not taken: %s", name, problem)
        return Reply.error(
            f"Slack did not give the file {name}: {problem}.",
            f"On the bot's server: {SERVER_COMMAND}",
        )
    return replace(command, attachment=Attachment.received(name, data))


def is_slack_file(url: str, base_url: str) -> bool:
    """Whether ``url`` is on Slack's file host, or on the Web API's own host when
    ``base_url`` names another: the bot token is sent with the request, so never
    anywhere else."""
    allowed = {FILES_ORIGIN, _origin(base_url)}
    return _origin(url) in allowed


async def _download(url: str, token: str | None) -> bytes:
    """At most ``MAX_ATTACHMENT_BYTES + 1`` bytes of the file, with the bot token."""
    headers = {"Authorization": f"Bearer {token}"}
    timeout = ClientTimeout(total=DOWNLOAD_TIMEOUT)
    async with (
        ClientSession(timeout=timeout) as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        response.raise_for_status()
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(64 * 1024):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_ATTACHMENT_BYTES:
                break
        return b"".join(chunks)


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower case; empty for one that is not a URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""
