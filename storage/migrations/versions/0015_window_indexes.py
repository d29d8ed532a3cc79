"""index articles and stories by publication time, for the matching window's rebuild

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 14:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_articles_published"), "articles", ["published"])
    op.create_index(op.f("ix_stories_last_published"), "stories", ["last_published"])


def downgrade() -> None:
    op.drop_index(op.f("ix_stories_last_published"), table_name="stories")
    op.drop_index(op.f("ix_articles_published"), table_name="articles")
