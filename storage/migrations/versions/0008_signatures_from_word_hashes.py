"""signatures from word hashes: stored MinHash signatures are computed again from the bodies

The shingles a signature is made of are now hashed from their words' hashes (one pass over a
text for both shingle sizes) instead of from their joined text. A stored signature of the old
hash shares almost no values with a new one of the same text, so a copy of a stored article
would no longer be found: each stored article's signature is made again from its body.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 09:30:00
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from stories.dedupe import NearCopySettings, signature, signature_to_bytes

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SLICE = 2_000
articles = sa.table("articles", sa.column("id"), sa.column("body"), sa.column("signature"))
log = logging.getLogger(__name__)


def upgrade() -> None:
    connection = op.get_bind()
    settings = NearCopySettings()
    rewrite = (
        sa.update(articles)
        .where(articles.c.id == sa.bindparam("article"))
        .values(signature=sa.bindparam("value"))
    )
    last, done = 0, 0
    while rows := connection.execute(
        sa.select(articles.c.id, articles.c.body)
        .where(articles.c.id > last)
        .order_by(articles.c.id)
        .limit(SLICE)
    ).all():
        values = [
            {"article": id_, "value": signature_to_bytes(signature(body, settings))}
            for id_, body in rows
        ]
        connection.execute(rewrite, values)
        last, done = rows[-1][0], done + len(rows)
        log.info("signatures made again: %d", done)


def downgrade() -> None:
    """Nothing to undo in the schema. The old shingle hash is gone, so the signatures stay as
    they are: code of an older revision would find no copies of the articles stored so far."""
