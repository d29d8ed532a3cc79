from __future__ import annotations

from handlers.command import MAX_ARGS, Caller, parse_command, whole_number


def test_plain_command() -> None:
    command = parse_command("/who Kalesnikava")
    assert command is not None
    assert (command.name, command.args) == ("who", "Kalesnikava")


def test_bot_name_suffix_and_case_are_ignored() -> None:
    command = parse_command("/Summary@news_bot   potash  sanctions ")
    assert command is not None
    assert (command.name, command.args, command.words) == (
        "summary",
        "potash sanctions",
        ["potash", "sanctions"],
    )


def test_dashes_in_slack_style_names() -> None:
    command = parse_command("/news-summary 12")
    assert command is not None
    assert command.name == "news_summary"


def test_odd_characters_are_cleaned_not_fatal() -> None:
    command = parse_command("/who \u202eKal\x00es\u200bnikava\t\n<b>&amp;", Caller(is_admin=True))
    assert command is not None
    assert command.args == "Kalesnikava <b>&amp;"
    assert command.caller.is_admin


def test_long_arguments_are_cut() -> None:
    command = parse_command("/who " + "x" * 10_000)
    assert command is not None
    assert len(command.args) == MAX_ARGS


def test_not_commands() -> None:
    for text in ["hello", "", "/", "/ who", "/123", "//x"]:
        assert parse_command(text) is None, text


def test_whole_numbers_as_typed() -> None:
    assert [whole_number(w) for w in ("12", "#12", "007", "\u0661\u0662", "0" * 30 + "5")] == [
        12,
        12,
        7,
        12,
        5,
    ]
    too_long = "1" + "0" * 18
    for word in ("", "#", "12a", "-3", "1.5", "\u00b2", too_long):
        assert whole_number(word) is None, word
