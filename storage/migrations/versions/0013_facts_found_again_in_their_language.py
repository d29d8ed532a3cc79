"""facts of articles not in English found again: people are now found with the words of the
article's language and keyed without case endings across scripts

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 10:00:00

The facts of an original article in another language, and its people, were found with
English rules; they are marked pending (NULL) and found again by the facts pass at start.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OTHER_LANGUAGE = (
    "SELECT id FROM articles WHERE near_copy_of IS NULL "
    "AND language IS NOT NULL AND language <> 'en'"
)


def upgrade() -> None:
    op.execute(f"DELETE FROM mentions WHERE article_id IN ({OTHER_LANGUAGE})")
    op.execute(f"UPDATE articles SET facts = NULL WHERE id IN ({OTHER_LANGUAGE})")


def downgrade() -> None:
    """Nothing to undo: the facts found again are facts all the same."""
