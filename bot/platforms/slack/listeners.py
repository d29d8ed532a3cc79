"""Answering Slack: slash commands, mentions and choice buttons; each acks first, then answers."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import SlackSettings
from bot.platforms.gate import Gate
from bot.platforms.slack.files import with_file
from bot.platforms.slack.post import post_reply, respond_with, upload_picture
from bot.platforms.slack.text import from_slack_markup, mention_command, strip_prefix
from handlers.command import Caller, ChatKind, parse_command
from handlers.context import Context
from handlers.dispatch import dispatch, takes_file
from handlers.reply import Picture, Reply

log = logging.getLogger(__name__)

#: answered to the caller alone: Slack shows an in_channel answer's command as typed, and a
#: source's URL may carry a password or a token
PRIVATE_COMMANDS = frozenset({"sources"})


class SlackFront:
    """The listeners, sharing the gate, the handlers' context and the Web API client."""

    def __init__(self, settings: SlackSettings, context: Context, client: AsyncWebClient) -> None:
        self.settings = settings
        self.gate = Gate(settings.allowed_channels, settings.admins)
        self.context = context
        self.client = client

    def allowed(self, channel: str) -> bool:
        return self.gate.allows(channel)

    def caller(self, channel: str, user: str) -> Caller:
        """A direct message's channel id starts with D; anything else is shared with others,
        where a workspace admin or owner (users.info) may change what the bot does."""

        async def is_chat_admin() -> bool:
            if not user:
                return False
            answer = await self.client.users_info(user=user)
            profile = answer.get("user") or {}
            return bool(profile.get("is_admin") or profile.get("is_owner"))

        return Caller(
            "slack",
            channel,
            user,
            self.gate.is_admin(user),
            self.settings.command_prefix,
            chat_kind=ChatKind.PRIVATE if channel.startswith("D") else ChatKind.CHANNEL,
            is_chat_admin=is_chat_admin,
        )

    async def answer(
        self, text: str, caller: Caller, files: list[dict[str, Any]] | None = None
    ) -> Reply:
        """Dispatch ``/name args``, where ``name`` may carry the configured prefix, with the
        first of ``files`` (a message's) attached when the command takes a file."""
        command = parse_command(strip_prefix(text, self.settings.command_prefix), caller)
        if command is None:
            return Reply.error(
                "That is not a command.", f"Try /{self.settings.command_prefix}help."
            )
        if files and takes_file(command):
            attached = await with_file(command, files[0], self.settings.base_url, self.client.token)
            if isinstance(attached, Reply):
                return attached
            command = attached
        return await dispatch(command, self.context)

    async def on_command(
        self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond
    ) -> None:
        await ack()
        channel, user = str(command.get("channel_id", "")), str(command.get("user_id", ""))
        if not self.allowed(channel):
            await respond_with(respond, _not_here(), response_type="ephemeral")
            return
        text = f"{command.get('command', '')} {from_slack_markup(str(command.get('text', '')))}"
        reply = await self.answer(text, self.caller(channel, user))
        name = strip_prefix(str(command.get("command", "")), self.settings.command_prefix)
        shared = name.lstrip("/") not in PRIVATE_COMMANDS
        await respond_with(respond, reply, response_type="in_channel" if shared else "ephemeral")
        if reply.picture is not None:
            await self.share_picture(respond, channel, reply.picture)

    async def share_picture(self, respond: AsyncRespond, channel: str, picture: Picture) -> None:
        """A slash command's answer goes to its response URL, which takes no files: the
        picture is uploaded to the channel. Where the bot may not post (a channel it was not
        invited to), the caller alone is told why."""
        try:
            await upload_picture(self.client, channel, picture)
        except SlackApiError as error:
            reason = error.response.get("error", "refused")
            log.warning("slack: could not share a picture in %s: %s", channel, reason)
            note = Reply.error(
                f"The picture could not be posted here ({reason}).",
                "Invite newsbot to this channel, or ask by @mention in one it is in.",
            )
            await respond_with(respond, note, response_type="ephemeral")

    async def on_mention(
        self, ack: AsyncAck, event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """``@newsbot who Kalesnikava`` answers as ``/who Kalesnikava``, in the same thread.
        In a channel that is not allowed, mentions are ignored rather than answered."""
        await ack()
        channel, user = str(event.get("channel", "")), str(event.get("user", ""))
        if not self.allowed(channel):
            log.info("slack: ignored a mention in channel %s (not allowed)", channel)
            return
        files = [f for f in event.get("files") or [] if isinstance(f, dict)]
        reply = await self.answer(
            mention_command(str(event.get("text", ""))), self.caller(channel, user), files
        )
        thread = event.get("thread_ts")
        await post_reply(client, channel, reply, thread_ts=str(thread) if thread else None)

    async def on_choice(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond
    ) -> None:
        """A choice button: its value is the command; the answer replaces the question."""
        await ack()
        channel = str((body.get("channel") or {}).get("id", ""))
        user = str((body.get("user") or {}).get("id", ""))
        if not self.allowed(channel):
            await respond_with(respond, _not_here(), response_type="ephemeral")
            return
        reply = await self.answer(str(action.get("value", "")), self.caller(channel, user))
        await respond_with(respond, reply, replace_original=True)
        if reply.picture is not None:
            await self.share_picture(respond, channel, reply.picture)


def _not_here() -> Reply:
    return Reply.error(
        "newsbot does not answer in this channel.",
        "An admin can add the channel to slack.allowed_channels.",
    )
