"""facts are found after ingest: NULL marks an article whose facts are still to be found

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 06:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("facts IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.alter_column("facts", existing_type=sa.Text(), nullable=True)
    op.create_index(
        "ix_articles_facts_pending",
        "articles",
        ["id"],
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )


def downgrade() -> None:
    op.drop_index("ix_articles_facts_pending", table_name="articles")
    op.execute("UPDATE articles SET facts = '' WHERE facts IS NULL")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.alter_column("facts", existing_type=sa.Text(), nullable=False)
