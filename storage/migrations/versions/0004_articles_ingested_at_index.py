"""index articles by arrival time, for digest windows

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 01:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_articles_ingested_at"), "articles", ["ingested_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_ingested_at"), table_name="articles")
