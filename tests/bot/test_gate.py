"""The gate every platform shares: which chats it answers and whose commands are an admin's."""

from __future__ import annotations

from bot.platforms.gate import Gate


def test_no_allowed_chats_means_every_chat() -> None:
    gate = Gate(allowed=(), admins=())
    assert gate.allows("-100123")
    assert gate.allows("D042")


def test_allowed_chats_are_the_only_ones_answered() -> None:
    gate = Gate(allowed=("42", "CNEWS"), admins=())
    assert gate.allows("42")
    assert gate.allows("CNEWS")
    assert not gate.allows("43")
    assert not gate.allows("cnews")


def test_admins_are_matched_by_exact_user_id() -> None:
    gate = Gate(allowed=(), admins=("7", "UADMIN"))
    assert gate.is_admin("7")
    assert gate.is_admin("UADMIN")
    assert not gate.is_admin("77")
    assert not gate.is_admin("")
