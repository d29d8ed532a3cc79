from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import index_file
from bot.config import ConfigError, IngestSettings, Settings, load_settings


def test_defaults_need_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings.database_url == "sqlite:///newsbot.db"
    assert (settings.seeds_dir / "gold.toml").is_file()


def test_file_then_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'database_url = "sqlite:///file.db"\n'
        '[fetch]\nmax_bytes = 1000\nallowed_networks = ["127.0.0.1/32"]\n'
        "[ingest]\nbatch_size = 50\n"
    )
    settings = load_settings(
        config,
        env={
            "NEWSBOT_DATABASE_URL": "postgresql://db/newsbot",
            "NEWSBOT_FETCH__ALLOW_PRIVATE_ADDRESSES": "yes",
            "NEWSBOT_TELEGRAM_TOKEN": "not a setting, left alone",
        },
    )
    assert settings.database_url == "postgresql://db/newsbot"
    assert settings.fetch.max_bytes == 1000
    assert settings.fetch.allowed_networks == ("127.0.0.1/32",)
    assert settings.fetch.allow_private_addresses is True
    assert settings.ingest.batch_size == 50


def test_config_path_from_environment(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text("[ingest]\nbatch_size = 7\n")
    assert load_settings(env={"NEWSBOT_CONFIG": str(config)}).ingest.batch_size == 7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[ingest]\nbatch_sise = 5\n", "unknown setting ingest.'batch_sise'"),
        ('[ingest]\nbatch_size = "many"\n', "ingest.batch_size: 'many' is not a valid int"),
        ("ingest = 3\n", "expected a table"),
        ("[ingest\n", "cannot read"),
        (
            "[engine.near_copy]\nshingle_words = 40\n",
            "engine.near_copy.shingle_words must be 1 to 16, not 40",
        ),
        ("[engine.cluster]\nprior_docs = 0\n", "engine.cluster.prior_docs must be above 0"),
    ],
)
def test_bad_config_is_explained(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace(".", r"\.")):
        load_settings(config, env={})


def test_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    load_settings(example, env={})


def test_feed_limits_are_settings() -> None:
    settings = load_settings(env={"NEWSBOT_FEED__MAX_PAGE_FETCHES": "10"})
    assert (settings.feed.max_page_fetches, settings.feed.max_entries) == (10, 200)
    with pytest.raises(ConfigError, match="host_concurrency must be 1 or more"):
        load_settings(env={"NEWSBOT_FEED__HOST_CONCURRENCY": "0"})


def test_the_readers_language_is_an_iso_639_1_code() -> None:
    assert load_settings(env={}).language == "en"
    assert load_settings(env={"NEWSBOT_LANGUAGE": "ru"}).language == "ru"
    assert load_settings(env={"NEWSBOT_LANGUAGE": " PL "}).language == "pl"
    for bad in ("eng", "xx", "e", "", "en-US"):
        with pytest.raises(ConfigError, match="language must be a two-letter ISO 639-1 code"):
            load_settings(env={"NEWSBOT_LANGUAGE": bad})


def test_a_digests_picture_is_off_unless_asked_for() -> None:
    assert load_settings(env={}).digest.picture is False
    on = load_settings(env={"NEWSBOT_DIGEST__PICTURE": "true"})
    assert on.digest.picture is True


@pytest.mark.parametrize(
    ("url", "chosen", "expected"),
    [
        ("sqlite:////srv/newsbot/news.db", "", Path("/srv/newsbot/news.db.index")),
        ("sqlite:///news.db", "", Path("news.db.index")),
        ("sqlite://", "", None),
        ("postgresql://bot@db.internal/news", "", None),
        (
            "postgresql://bot@db.internal/news",
            "/var/lib/newsbot/index",
            Path("/var/lib/newsbot/index"),
        ),
        ("sqlite:////srv/newsbot/news.db", "off", None),
    ],
)
def test_the_index_file_sits_beside_a_sqlite_store_unless_set(
    url: str, chosen: str, expected: Path | None
) -> None:
    settings = Settings(database_url=url, ingest=IngestSettings(index_file=chosen))
    assert index_file(settings) == expected
