"""The matching indexes saved between runs, so that a restart need not rebuild them.

Rebuilding the window's indexes from the store replays every article of the last weeks
through the story index (about 0.6 ms an article); loading them from a file takes a fraction
of that. The store stays the truth: a saved index is used only when it was saved by the same
engine code with the same settings from this store (the article it had last taken is the
same article, by its text's key) and nothing it holds has moved since (no story dissolved,
no article of its taken into a story made after it was saved); the articles stored after it
are then replayed into it as any writer's are. Otherwise, or when the file cannot be read,
the indexes are rebuilt from the store.

The file is written whole to a new name and renamed over the old one, so a crash while saving
leaves the previous file (or none), never half of one. It is a pickle: keep it where only the
bot writes, as its database.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType

import stories.cluster
import stories.dedupe
import stories.features
import stories.pipeline
import stories.story_split
from stories.pipeline import Pipeline

log = logging.getLogger(__name__)

# The modules whose objects the file holds: a change to any makes saved files stale.
_ENGINE: tuple[ModuleType, ...] = (
    stories.pipeline,
    stories.cluster,
    stories.dedupe,
    stories.features,
    stories.story_split,
)


def engine_version() -> str:
    """A digest of the engine code whose objects a saved index holds."""
    digest = hashlib.sha256()
    for module in _ENGINE:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a saved index must match to be used (see the module's docstring)."""

    engine: str
    settings: str
    #: the last article the indexes had taken, and its content key
    last_id: int
    last_key: str
    #: the store's next story id when the file was saved
    next_story: int
    saved_at: datetime


def dumps(stamp: Stamp, pipeline: Pipeline) -> bytes:
    """The file's bytes: the stamp, then the pipeline."""
    return pickle.dumps(stamp, protocol=5) + pickle.dumps(pipeline, protocol=5)


def write(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path`` and rename it over ``path``."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    with part.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, path)


def read_stamp(path: Path) -> Stamp | None:
    """The stamp of the file at ``path``, or None when there is none to read."""
    stamp = _read(path, 0)
    return stamp if isinstance(stamp, Stamp) else None


def read_pipeline(path: Path) -> Pipeline | None:
    """The pipeline saved at ``path`` after its stamp, or None when it cannot be read."""
    pipeline = _read(path, 1)
    return pipeline if isinstance(pipeline, Pipeline) else None


def _read(path: Path, position: int) -> object:
    """The object at ``position`` among those pickled one after another in the file, or None
    when there is no file or it cannot be read (logged: the indexes are rebuilt)."""
    try:
        with path.open("rb") as saved:
            for _ in range(position):
                pickle.load(saved)
            return pickle.load(saved)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        log.warning("cannot read the saved indexes in %s (%s): rebuilding them", path, error)
        return None
