"""numbers placed in their story: each number fact now says whether it is background, a part
of a group, and whose duration or age it is

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 11:30:00

Facts are stored in format 3; the facts of every original article are marked pending (NULL)
with their people, and found again by the facts pass at start (an answer that reads a pending
article finds its facts itself meanwhile).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORIGINALS = "SELECT id FROM articles WHERE near_copy_of IS NULL AND facts IS NOT NULL"


def upgrade() -> None:
    op.execute(f"DELETE FROM mentions WHERE article_id IN ({ORIGINALS})")
    op.execute(f"UPDATE articles SET facts = NULL WHERE id IN ({ORIGINALS})")


def downgrade() -> None:
    """Format 3 facts are not readable by the code of revision 0013: find them again."""
    op.execute(f"DELETE FROM mentions WHERE article_id IN ({ORIGINALS})")
    op.execute(f"UPDATE articles SET facts = NULL WHERE id IN ({ORIGINALS})")
