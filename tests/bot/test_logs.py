"""Secrets are masked in what the log handlers write: messages, arguments, tracebacks."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import protect_logs

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK_TOKENS = ("xoxb-1111-2222-AbCdEfGhIj", "xapp-1-A111-222-abcdef0123")


@pytest.fixture
def written() -> Iterator[io.StringIO]:
    """A handler of the root logger, as the CLI sets them up, writing into a buffer."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        protect_logs([SIGNING_SECRET])
        yield out
    finally:
        root.removeHandler(handler)


def test_secrets_are_masked_in_messages_arguments_and_tracebacks(written: io.StringIO) -> None:
    log = logging.getLogger("tests.secret")
    bot_token, app_token = SLACK_TOKENS
    log.warning("signed with %s", SIGNING_SECRET)
    log.warning(f"token {bot_token} and {app_token}")
    try:
        raise ValueError(f"bad signature {SIGNING_SECRET} for {bot_token}")
    except ValueError:
        log.exception("request failed")
    text = written.getvalue()
    assert SIGNING_SECRET not in text
    assert not any(token in text for token in SLACK_TOKENS)
    assert "signed with <redacted>" in text
    assert "ValueError: bad signature <redacted> for <redacted>" in text
    assert "Traceback (most recent call last)" in text
