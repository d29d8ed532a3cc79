"""index subscriptions by schedule, for the digest job of one time and zone

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 03:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_subscriptions_local_time_timezone", "subscriptions", ["local_time", "timezone"]
    )


def downgrade() -> None:
    op.drop_index("ix_subscriptions_local_time_timezone", table_name="subscriptions")
