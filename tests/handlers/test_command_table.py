"""One command table: dispatch, /help and the permission checks all come from it."""

from __future__ import annotations

from bot.app import App
from bot.platforms.telegram.app import bot_commands
from handlers.command import Caller, ChatKind, Command
from handlers.command_table import COMMANDS, LISTED, TABLE, Who
from handlers.dispatch import dispatch
from handlers.reply import Tone


async def test_every_restricted_command_is_refused_to_a_member_and_run_for_its_admins(
    app: App,
) -> None:
    member = Caller("telegram", "-5", "7", chat_kind=ChatKind.GROUP)
    admin = Caller("telegram", "-5", "1", is_admin=True, chat_kind=ChatKind.GROUP)
    restricted = [spec for spec in TABLE if spec.who is not Who.ANYONE]
    assert {spec.name for spec in restricted} == {"sources", "subscribe", "unsubscribe"}
    for spec in restricted:
        refused = await dispatch(Command(spec.name, "", member), app.context)
        assert refused.tone is Tone.ERROR, spec.name
        assert refused.title.startswith("Only "), refused.title
        allowed = await dispatch(Command(spec.name, "", admin), app.context)
        assert not allowed.title.startswith("Only "), (spec.name, allowed.title)


async def test_help_and_the_telegram_menu_list_the_tables_commands(app: App) -> None:
    reply = await dispatch(Command("help", ""), app.context)
    assert [line.text for line in reply.sections[0].lines] == [spec.usage for spec in LISTED]
    assert [c.command for c in bot_commands()] == [spec.name for spec in LISTED]
    assert "start" in COMMANDS
    assert "start" not in {spec.name for spec in LISTED}
