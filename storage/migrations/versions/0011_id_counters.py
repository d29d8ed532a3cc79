"""id counters: article and story ids handed out from one locked row, not from max(id) + 1

Two writers reading the same max(id) took the same ids, and one lost its batch. The counter
starts after every id in use (a dissolved story's id included: it still names its story).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    counters = op.create_table(
        "id_counters",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_article", sa.BigInteger(), nullable=False),
        sa.Column("next_story", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_id_counters")),
    )
    bind = op.get_bind()
    articles = bind.scalar(sa.text("SELECT coalesce(max(id), 0) FROM articles"))
    stories = bind.scalar(sa.text("SELECT coalesce(max(id), 0) FROM stories"))
    merged = bind.scalar(sa.text("SELECT coalesce(max(story_id), 0) FROM story_merges"))
    op.bulk_insert(
        counters,
        [
            {
                "id": 1,
                "next_article": int(articles or 0) + 1,
                "next_story": max(int(stories or 0), int(merged or 0)) + 1,
            }
        ],
    )


def downgrade() -> None:
    op.drop_table("id_counters")
