"""The python-telegram-bot generics as this bot uses them (no job queue, plain dicts)."""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram.ext import Application, CallbackContext, ExtBot

TelegramContext: TypeAlias = CallbackContext[
    ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]
]
TelegramApp: TypeAlias = Application[
    ExtBot[int], TelegramContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], None
]
