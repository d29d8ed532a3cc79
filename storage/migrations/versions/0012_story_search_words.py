"""story search words: stories are found by the words of their articles, folded in Python

A search read only headlines, lower-cased by the database (PostgreSQL's lower() keeps "ß",
SQLite's folds only ASCII): "/summary potash" found nothing on a story about potash whose
headlines do not say it. Each story gets its title folded as searches fold words, and a table
of the distinctive words of its first original articles (``stories.search``), made here from
the stored articles and kept on write from now on.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 10:00:00
"""

import logging
from collections.abc import Sequence
from itertools import groupby

import sqlalchemy as sa
from alembic import op

from stories.search import MAX_WORD, fold, story_words

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: stories read at a time
SLICE = 500
log = logging.getLogger(__name__)

stories = sa.table("stories", sa.column("id"), sa.column("title"), sa.column("search_title"))
articles = sa.table(
    "articles",
    sa.column("id"),
    sa.column("story_id"),
    sa.column("near_copy_of"),
    sa.column("title"),
    sa.column("body"),
)


def upgrade() -> None:
    op.add_column(
        "stories", sa.Column("search_title", sa.Text(), server_default="", nullable=False)
    )
    words = op.create_table(
        "story_words",
        sa.Column(
            "word",
            sa.String(MAX_WORD).with_variant(sa.String(MAX_WORD, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("story_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_words_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "story_id", name=op.f("pk_story_words")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_story_words_story_id", "story_words", ["story_id"])
    connection = op.get_bind()
    retitle = (
        sa.update(stories)
        .where(stories.c.id == sa.bindparam("story"))
        .values(search_title=sa.bindparam("folded"))
    )
    last, done = 0, 0
    while titled := connection.execute(
        sa.select(stories.c.id, stories.c.title)
        .where(stories.c.id > last)
        .order_by(stories.c.id)
        .limit(SLICE)
    ).all():
        connection.execute(
            retitle, [{"story": id_, "folded": fold(title)} for id_, title in titled]
        )
        originals = connection.execute(
            sa.select(articles.c.story_id, articles.c.title, articles.c.body)
            .where(
                articles.c.story_id.in_([id_ for id_, _ in titled]),
                articles.c.near_copy_of.is_(None),
            )
            .order_by(articles.c.story_id, articles.c.id)
        )
        rows = [
            {"word": word, "story_id": story_id}
            for story_id, told in groupby(originals, key=lambda row: row[0])
            for word in story_words((title, body) for _, title, body in told)
        ]
        if rows:
            connection.execute(sa.insert(words), rows)
        last, done = titled[-1][0], done + len(titled)
        log.info("stories made searchable by their words: %d", done)


def downgrade() -> None:
    op.drop_index("ix_story_words_story_id", table_name="story_words")
    op.drop_table("story_words")
    op.drop_column("stories", "search_title")
