"""slack_events_handled: the Events API event ids taken by some bot process, so that Slack's
retries are answered once across processes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slack_events_handled",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_events_handled")),
    )
    op.create_index(
        op.f("ix_slack_events_handled_handled_at"), "slack_events_handled", ["handled_at"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_slack_events_handled_handled_at"), table_name="slack_events_handled")
    op.drop_table("slack_events_handled")
