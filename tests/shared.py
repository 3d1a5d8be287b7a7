"""Where the team's shared folder is (hand-checked facts ``eval/``, the
document ``corpus/``, verified ``reference/`` codes): ``CIKG_SHARED`` when
set (``.ci/run`` sets it for its fresh clone), else ``shared/`` beside the
checkout. Tests that need it skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("CIKG_SHARED") or Path(__file__).resolve().parents[2] / "shared")
