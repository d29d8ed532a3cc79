"""Who a platform answers and whom it obeys: the allowed chats, the admins, ids already seen."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gate:
    """A platform's configured chats (none listed: every chat) and admins' user ids."""

    allowed: tuple[str, ...]
    admins: tuple[str, ...]

    def allows(self, chat_id: str) -> bool:
        return not self.allowed or chat_id in self.allowed

    def is_admin(self, user_id: str) -> bool:
        return user_id in self.admins


class RecentIds:
    """A bounded memory of ids (a redelivered update's): the oldest is forgotten first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._ids: OrderedDict[Hashable, None] = OrderedDict()

    def first_time(self, id_: Hashable) -> bool:
        if id_ in self._ids:
            return False
        self._ids[id_] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True
