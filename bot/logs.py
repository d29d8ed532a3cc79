"""Keeping chat tokens and signing secrets out of every log line.

Libraries log what they send: httpx logs each Bot API URL at INFO, and the Telegram token is
part of that URL (``/bot<token>/getMe``); python-telegram-bot puts a rejected token in its
exception's message. So secrets are removed where records are written, whatever logged them:
a filter on each of the root logger's handlers rewrites the record (message, arguments,
traceback, stack) before any handler formats it. It removes the secrets configured for this
process and anything shaped like a Telegram or Slack token, and masks the credentials in URLs
(``handlers.format.mask_url``): a source's URL may carry a password or a token, and any
exception's message may quote it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from handlers.format import mask_urls_in

MASK = "<redacted>"
#: shorter values are not treated as secrets: masking them would mangle ordinary words
MIN_SECRET = 6
_TOKEN_SHAPES = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"\d{3,}:[A-Za-z0-9_-]{20,}"  # Telegram bot token, also inside a /bot<token>/ URL
    r"|xox[a-z]-[A-Za-z0-9-]{6,}"  # Slack bot, user and configuration tokens
    r"|xapp-[A-Za-z0-9-]{6,}"  # Slack app-level token (Socket Mode)
    r")"
)


class Redactor(logging.Filter):
    """Rewrites each record so that no secret reaches a handler's output."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        self._secrets.update(s for s in secrets if len(s) >= MIN_SECRET)

    def redact(self, text: str) -> str:
        # the longest first, so that a secret containing another is masked whole
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, MASK)
        return mask_urls_in(_TOKEN_SHAPES.sub(MASK, text))

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.redact(record.getMessage()), None
        if record.exc_info:
            # formatted here and dropped, so that no handler renders the raw exception
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def protect_logs(secrets: Iterable[str] = ()) -> None:
    """Make sure every handler of the root logger masks ``secrets`` and token-shaped text; a
    later call adds its secrets to the same filters."""
    secrets = list(secrets)
    for handler in logging.getLogger().handlers:
        present = [f for f in handler.filters if isinstance(f, Redactor)]
        if present:
            for existing in present:
                existing.add(secrets)
        else:
            handler.addFilter(Redactor(secrets))
