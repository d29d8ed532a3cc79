"""facts on articles, person mentions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("facts", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "mentions",
        sa.Column("id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("story_id", ID, nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("surname_key", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_mentions_story_id_stories")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index("ix_mentions_surname_key_story_id", "mentions", ["surname_key", "story_id"])
    op.create_index(op.f("ix_mentions_story_id"), "mentions", ["story_id"])


def downgrade() -> None:
    op.drop_table("mentions")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("facts")
