"""Settings: defaults for everything, then ``config.toml``, then the environment.

Every key can be overridden by an environment variable: ``NEWSBOT_`` followed by the key
path in upper case, sections joined by a double underscore, e.g.
``NEWSBOT_DATABASE_URL`` or ``NEWSBOT_ENGINE__CLUSTER__QUIET_DAYS=3``. Secrets (chat tokens)
are read from the environment only, never from the file.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from babel import Locale

from bot.fetch import FetchSettings
from bot.readers import FeedSettings
from stories.settings import EngineSettings

ENV_PREFIX = "NEWSBOT_"
CONFIG_ENV = "NEWSBOT_CONFIG"
PROJECT_DIR = Path(__file__).resolve().parents[1]


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the key and the problem."""


@dataclass(frozen=True)
class IngestSettings:
    #: articles stored per transaction; a crash loses at most the batch in flight
    batch_size: int = 200
    #: processes that clean and describe articles while this one stores them; 1 keeps it
    #: all in one process (fine for feeds), more speeds up a backlog on a multi-core machine
    workers: int = 1
    #: where the matching indexes are saved between runs so that a restart need not rebuild
    #: them ("": beside a SQLite store, as <its file>.index; with PostgreSQL none unless set;
    #: "off": never saved)
    index_file: str = ""


@dataclass(frozen=True)
class TelegramSettings:
    """Telegram front end; on when the token variable named here is set."""

    token_env: str = "NEWSBOT_TELEGRAM_TOKEN"
    #: the Bot API root; tests point it at a local fake
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    #: public HTTPS URL for webhook mode; empty means long polling
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret_env: str = "NEWSBOT_TELEGRAM_WEBHOOK_SECRET"
    #: Telegram user ids allowed to run commands that change state
    admins: tuple[str, ...] = ()
    #: chat ids the bot answers in; empty means every chat it is in
    allowed_chats: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlackSettings:
    """Slack front end; on when the bot token variable named here is set."""

    bot_token_env: str = "NEWSBOT_SLACK_BOT_TOKEN"
    signing_secret_env: str = "NEWSBOT_SLACK_SIGNING_SECRET"
    app_token_env: str = "NEWSBOT_SLACK_APP_TOKEN"
    #: "http" (Events API and slash commands over HTTP) or "socket" (Socket Mode)
    mode: str = "http"
    #: the Web API root; tests point it at a local fake
    base_url: str = "https://slack.com/api/"
    listen: str = "0.0.0.0"
    port: int = 3000
    #: slash command names are workspace-wide: "news-" makes /news-summary, /news-who...
    command_prefix: str = "news-"
    #: Slack user ids allowed to run commands that change state
    admins: tuple[str, ...] = ()
    #: channel ids the bot answers in; empty means every channel it is in
    allowed_channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class DigestSettings:
    """Daily digests: the defaults /subscribe uses and how late one may still be sent."""

    #: local time of day and IANA time zone for a /subscribe that names none
    default_time: str = "08:00"
    timezone: str = "UTC"
    #: a digest due while the bot was down, or left by a process that died, is sent if at
    #: most this late
    grace_hours: float = 6.0
    #: send "nothing new" on a day without news
    send_empty: bool = False
    #: stories per digest; the rest are counted ("and N more")
    max_items: int = 8
    #: how often subscriptions are re-read from the database (changes made by any process)
    #: and the digests nobody holds (a dead process's claim, a claim given back) are swept
    sync_seconds: int = 60
    #: a claim whose process died before sending may be taken over after this long
    claim_lease_minutes: float = 10.0
    #: digests handed to the platforms at once (their own rate limiters pace the calls)
    send_concurrency: int = 20
    #: a digest carries the timeline picture of its busiest story (/timeline): a photo after
    #: the digest's text in Telegram, an upload in Slack, a PNG file in the console
    picture: bool = False


@dataclass(frozen=True)
class PollSettings:
    """Polling the sources added with /sources add."""

    interval_minutes: float = 30.0
    #: each poll moves by up to this many seconds either way, so sources do not poll in step
    jitter_seconds: float = 60.0
    #: failures in a row before a source is paused (and the admins told)
    max_failures: int = 5
    #: the longest wait after failures (the interval doubles per failure up to this)
    max_backoff_minutes: float = 360.0
    #: feeds and pages to poll besides those added with /sources add (added at start)
    sources: tuple[str, ...] = ()


#: the two-letter codes of ISO 639-1, as CLDR (through Babel) names them
ISO_639_1 = frozenset(
    code for code in Locale("en").languages if isinstance(code, str) and len(code) == 2
)


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///newsbot.db"
    #: the readers' language (ISO 639-1): titles, summary and digest lines come from articles
    #: in it when a story has any; articles in others are still counted and cited
    language: str = "en"
    seeds_dir: Path = PROJECT_DIR / "seeds"
    engine: EngineSettings = field(default_factory=EngineSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    feed: FeedSettings = field(default_factory=FeedSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    slack: SlackSettings = field(default_factory=SlackSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    poll: PollSettings = field(default_factory=PollSettings)

    def __post_init__(self) -> None:
        code = self.language.strip().lower()
        if code not in ISO_639_1:
            raise ValueError(
                f"language must be a two-letter ISO 639-1 code such as en, ru or de, "
                f"not {self.language!r}"
            )
        object.__setattr__(self, "language", code)


T = TypeVar("T")


def load_settings(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Read settings once: defaults < config file < environment < explicit overrides.

    ``path`` defaults to ``$NEWSBOT_CONFIG``, else ``config.toml`` in the working directory
    when it exists.
    """
    env = os.environ if env is None else env
    data: dict[str, Any] = {}
    config_path = path or (Path(env[CONFIG_ENV]) if CONFIG_ENV in env else None)
    if config_path is None and Path("config.toml").is_file():
        config_path = Path("config.toml")
    if config_path is not None:
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"cannot read {config_path}: {error}") from error
    for name, value in env.items():
        if name.startswith(ENV_PREFIX) and name != CONFIG_ENV:
            keys = name[len(ENV_PREFIX) :].lower().split("__")
            if _is_known(Settings, keys):
                _set_path(data, keys, value)
    for dotted, value in (overrides or {}).items():
        _set_path(data, dotted.split("."), value)
    return build(Settings, data, "")


def _is_known(cls: type[Any], keys: list[str]) -> bool:
    """Environment variables that name no setting (secrets, other tools) are left alone."""
    hints = get_type_hints(cls)
    head, *rest = keys
    if head not in hints:
        return False
    if not rest:
        return True
    inner: type[Any] = hints[head]
    return dataclasses.is_dataclass(inner) and _is_known(inner, rest)


def _set_path(data: dict[str, Any], keys: list[str], value: Any) -> None:
    for key in keys[:-1]:
        data = data.setdefault(key, {})
    data[keys[-1]] = value


def build(cls: type[T], data: Mapping[str, Any], where: str) -> T:
    """Make a settings dataclass from a mapping, converting and checking every value."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where or 'settings'}: expected a table, got {data!r}")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"unknown setting {where}{unknown[0]!r}; known: {sorted(names)}")
    values = {key: _convert(hints[key], value, f"{where}{key}") for key, value in data.items()}
    defaults = cls()
    try:
        return dataclasses.replace(defaults, **values)  # type: ignore[type-var]
    except ValueError as error:  # a settings class's own check of its values
        raise ConfigError(f"{where}{error}") from error


def _convert(kind: Any, value: Any, where: str) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        if value in (None, "") and len(options) < len(get_args(kind)):
            return None
        return _convert(options[0], value, where)
    if dataclasses.is_dataclass(kind):
        return build(kind, value, f"{where}.")  # type: ignore[arg-type]
    if origin is tuple:
        items = value.split(",") if isinstance(value, str) else list(value)
        return tuple(_convert(get_args(kind)[0], item, where) for item in items if item != "")
    try:
        if kind is bool:
            return _to_bool(value)
        if kind in (int, float, str, Path):
            return kind(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{where}: {value!r} is not a valid {kind.__name__}") from error
    raise ConfigError(f"{where}: unsupported setting type {kind!r}")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)
