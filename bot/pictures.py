"""Where the console and ``newsbot ask`` put a reply's picture: a PNG file, its path printed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from bot.config import Settings
from handlers.reply import Picture


def data_dir(settings: Settings) -> Path:
    """The folder of the bot's files besides its database: the SQLite file's folder (the
    working directory for the default ``newsbot.db``), else the working directory."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent
    return Path.cwd()


def pictures_dir(settings: Settings) -> Path:
    """Where pictures go when no path is given: ``pictures/`` in the data folder."""
    return data_dir(settings) / "pictures"


def save_picture(picture: Picture, path: Path) -> Path:
    """Write the PNG to ``path`` (its folder made if needed); the path written, absolute."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(picture.png)
    return path.resolve()
