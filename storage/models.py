"""SQLAlchemy 2 models: sources, articles and the stories they are folded into."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from storage.limits import length_of, shorten
from stories.search import MAX_WORD

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: SQLite only auto-increments INTEGER primary keys; PostgreSQL gets BIGINT.
Id = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    """A feed or page that is polled; keeps what the next conditional GET needs."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(String(500))
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)

    @validates("title")
    def _fit_title(self, key: str, value: str | None) -> str | None:
        """A feed's title of any length is kept, cut to fit."""
        return None if value is None else shorten(value, length_of(self.__table__.c[key]))

    @validates("etag", "last_modified")
    def _fit_validator(self, key: str, value: str | None) -> str | None:
        """A validator too long to keep is not kept: the next poll is then a full GET, where
        keeping it would fail every poll until the source is paused."""
        return value if value is None or len(value) <= length_of(self.__table__.c[key]) else None


class Story(Base):
    """Articles from any outlets that tell one event.

    ``article_count`` and ``copy_count`` are kept on the row so that listing stories does
    not count articles on every request.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    first_published: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: indexed: a rebuild of the matching indexes replays the stories of the last few weeks
    last_published: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    article_count: Mapped[int] = mapped_column(Integer, default=0)
    copy_count: Mapped[int] = mapped_column(Integer, default=0)
    #: the title folded as searches fold words (``stories.search.fold``): Python's casefold on
    #: every backend, which no database's lower() matches
    search_title: Mapped[str] = mapped_column(Text, server_default="")


#: a word compared by code point on every backend, so that a range of words is a prefix
#: (PostgreSQL's default collation orders by language rules; SQLite's is by code point)
SearchWord = String(MAX_WORD).with_variant(String(MAX_WORD, collation="C"), "postgresql")


class StoryWord(Base):
    """A word a story is found by (``stories.search.story_words``): one of the distinctive
    words of its first original articles, folded.

    Kept on write (``storage.ingest``) where articles are stored and where they move between
    stories; keyed by word first, so that the stories holding a word or a prefix are one range
    of the key.
    """

    __tablename__ = "story_words"
    __table_args__ = (
        Index("ix_story_words_story_id", "story_id"),
        # the key is the table: no second copy of every word in a rowid table
        {"sqlite_with_rowid": False},
    )

    word: Mapped[str] = mapped_column(SearchWord, primary_key=True)
    story_id: Mapped[int] = mapped_column(
        Id, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )


class StoryMerge(Base):
    """A story dissolved into another (by a second look), so that its id still answers.

    ``into_id`` has no foreign key: the story it names may itself be dissolved later, and its
    redirects are then pointed on to where its articles went, so one lookup is enough.
    """

    __tablename__ = "story_merges"

    story_id: Mapped[int] = mapped_column(Id, primary_key=True)
    into_id: Mapped[int] = mapped_column(Id)
    merged_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class IdCounter(Base):
    """The next article and story ids: one row, which every ingest batch updates first and last.

    The first update takes the row's lock (on SQLite, the database's write lock) until the batch
    commits, so writers sharing a store take turns: each hands out ids from here, after
    replaying what the one before it stored, and ids are committed in increasing order (which
    the replay of other writers' articles relies on). An id is never handed out twice, not even
    one of a story that has been dissolved since.
    """

    __tablename__ = "id_counters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_article: Mapped[int] = mapped_column(BigInteger)
    next_story: Mapped[int] = mapped_column(BigInteger)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_story_id_id", "story_id", "id"),
        #: the articles whose facts are still to be found (see ``storage.fact_pass``)
        Index(
            "ix_articles_facts_pending",
            "id",
            sqlite_where=text("facts IS NULL"),
            postgresql_where=text("facts IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2048))
    canonical_url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    content_key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    captions: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str | None] = mapped_column(String(300))
    #: ISO 639-1 code, detected at ingest; None: not known (stored before detection, or too
    #: little text to tell)
    language: Mapped[str | None] = mapped_column(String(16))
    #: indexed: a rebuild of the matching indexes starts from the newest article
    published: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    #: indexed: digests read the articles that arrived in their window
    ingested_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    origin: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None] = mapped_column(Id, ForeignKey("sources.id", ondelete="SET NULL"))
    story_id: Mapped[int] = mapped_column(Id, ForeignKey("stories.id"))
    near_copy_of: Mapped[int | None] = mapped_column(Id, ForeignKey("articles.id"))
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    #: ``stories.features.Features`` as JSON, read back when the indexes are rebuilt; ""
    #: on a near-copy (never worked out: it takes its original's story)
    features: Mapped[str] = mapped_column(Text)
    #: the article's typed facts as JSON (``stories.factfinder.facts_to_json``); None until
    #: they are found (after ingest, see ``storage.fact_pass``), "" on a near-copy (none kept)
    facts: Mapped[str | None] = mapped_column(Text, server_default="")


class Mention(Base):
    """A person named in an article, indexed by surname skeleton so /who finds every spelling."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_surname_key_story_id", "surname_key", "story_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    article_id: Mapped[int] = mapped_column(Id, ForeignKey("articles.id", ondelete="CASCADE"))
    story_id: Mapped[int] = mapped_column(Id, ForeignKey("stories.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    surname_key: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Subscription(Base):
    """A chat's daily digest. ``local_time``/``timezone`` NULL mean "the configured default".

    Keywords are stored lower-cased and space-separated; empty means every story.
    """

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id"),
        Index("ix_subscriptions_local_time_timezone", "local_time", "timezone"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    platform: Mapped[str] = mapped_column(String(50))
    chat_id: Mapped[str] = mapped_column(String(200))
    local_time: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    keywords: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    #: the newest period sent or skipped (a local date, ``2026-03-29``)
    last_period: Mapped[str | None] = mapped_column(String(10))


class Delivery(Base):
    """One digest of one subscription for one period, claimed before it is sent.

    The unique (subscription, period) key is what makes a send happen at most once, across
    restarts and processes: ``claimed`` -> ``sending`` -> ``sent``, or ``skipped``.
    """

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("subscription_id", "period"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        Id, ForeignKey("subscriptions.id", ondelete="CASCADE")
    )
    #: the subscriber's local date of the due time
    period: Mapped[str] = mapped_column(String(10))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(10))
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_by: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    message_id: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class SlackEventHandled(Base):
    """A Slack Events API event some bot process took to answer; Slack's retries of it are
    acknowledged and dropped. Rows are pruned after a day (Slack retries within minutes)."""

    __tablename__ = "slack_events_handled"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
