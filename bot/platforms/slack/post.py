"""Sending a Reply to Slack: chat.postMessage, a response URL, a picture as a shared file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.platforms.slack.render import cut, render_slack
from handlers.reply import Line, Picture, Reply, Section, Tone

log = logging.getLogger(__name__)

#: what Slack keeps of an uploaded file's title and alt text
MAX_FILE_TITLE = 250
MAX_FILE_ALT_TEXT = 1000


async def post_reply(
    client: AsyncWebClient,
    channel: str,
    reply: Reply,
    *,
    thread_ts: str | None = None,
    render: Callable[[Reply], tuple[list[dict[str, Any]], str]] = render_slack,
) -> str:
    """Post a Reply: the one way text reaches chat.postMessage (mentions, digests, notices), so
    that every string goes through ``render_slack``, which escapes Slack's control characters
    (a ``<!channel>`` in a feed's error text must not page the whole channel). Its picture
    follows in the same channel and thread."""
    blocks, text = render(reply)
    answer = await client.chat_postMessage(
        channel=channel, blocks=blocks, text=text, thread_ts=thread_ts
    )
    if reply.picture is not None:
        await upload_picture(client, channel, reply.picture, thread_ts=thread_ts)
    return str(answer["ts"])


async def upload_picture(
    client: AsyncWebClient, channel: str, picture: Picture, *, thread_ts: str | None = None
) -> None:
    """The picture as a file shared in the channel (or thread), by Slack's external upload:
    files.getUploadURLExternal, the bytes to the URL it gives, files.completeUploadExternal.
    Slack shows the title above the image and reads the alt text out."""
    await client.files_upload_v2(
        channel=channel,
        thread_ts=thread_ts,
        file=picture.png,
        filename=picture.filename,
        title=cut(" ".join(picture.title.split()), MAX_FILE_TITLE),
        alt_txt=cut(" ".join(picture.caption.split()), MAX_FILE_ALT_TEXT),
    )


def notice(text: str) -> Reply:
    """A notice for the admins (a source paused) as a Reply, to be rendered like any other."""
    return Reply("newsbot", (Section(None, (Line(text),)),), tone=Tone.NOTICE)


async def respond_with(respond: AsyncRespond, reply: Reply, **options: Any) -> None:
    """The reply to a slash command's or a button's response URL."""
    blocks, text = render_slack(reply)
    response = await respond(text=text, blocks=blocks, **options)
    if response.status_code != 200:
        log.warning("slack: response_url answered %s: %s", response.status_code, response.body)
