"""story merges: a story dissolved by a second look names the story its articles joined

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "story_merges",
        sa.Column("story_id", ID, nullable=False),
        sa.Column("into_id", ID, nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("story_id", name=op.f("pk_story_merges")),
    )


def downgrade() -> None:
    op.drop_table("story_merges")
