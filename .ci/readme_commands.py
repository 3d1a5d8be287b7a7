"""The two commands README.md starts with, as .ci/run runs them.

    python3 .ci/readme_commands.py serve   # the first: install, build, serve
    python3 .ci/readme_commands.py tests   # the second: install, run the tests

They are the first two ```sh code blocks of README.md, each one line.
tests/test_cli.py reads them with the same function, so the README's
first screen and what CI runs cannot drift apart. Standard library only:
it runs before anything is installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_BLOCK_RE = re.compile(r"^```(?:sh|bash)\n(.*?)^```", flags=re.S | re.M)


def readme_commands(readme: str) -> tuple[str, str]:
    """(serve command, tests command): the first two sh blocks, stripped.

    :raises ValueError: if there are fewer than two, or one spans lines.
    """
    blocks = [b.strip() for b in _BLOCK_RE.findall(readme)]
    if len(blocks) < 2:
        raise ValueError("README.md must start with two ```sh blocks: serve, then tests")
    for block in blocks[:2]:
        if "\n" in block:
            raise ValueError(f"a README command must be one line: {block!r}")
    return blocks[0], blocks[1]


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which not in {"serve", "tests"}:
        sys.exit("usage: readme_commands.py serve|tests")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    serve, tests = readme_commands(readme)
    print(serve if which == "serve" else tests)
