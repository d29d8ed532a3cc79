"""Which Python ran a benchmark, for the caption of its speed table.

Speed depends on how the interpreter was built as much as on the code: on this project's machine
Debian's CPython 3.11 (/usr/bin/python3.11, built with profile-guided and link-time optimisation)
ingests about 11% faster than pyenv's CPython 3.11 built without them, side by side.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path


def interpreter() -> str:
    """The implementation, version and real executable (a venv's ``python`` resolved)."""
    executable = Path(sys.executable).resolve()
    return f"{platform.python_implementation()} {platform.python_version()}, {executable}"
