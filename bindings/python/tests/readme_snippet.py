"""Run every ```python block of a Markdown file, each in its own namespace.

Usage: python readme_snippet.py README.md. Exits non-zero when a block raises,
so the README's examples stay runnable.
"""

import re
import sys
from pathlib import Path

PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(markdown: str):
    """Return the code of every ```python block, in order."""
    return PYTHON_BLOCK.findall(markdown)


def run_blocks(path: Path) -> int:
    """Run the blocks of ``path`` and return how many ran."""
    blocks = python_blocks(path.read_text(encoding="utf-8"))
    for index, code in enumerate(blocks, start=1):
        exec(compile(code, f"{path.name} block {index}", "exec"), {"__name__": "__main__"})
    return len(blocks)


if __name__ == "__main__":
    count = run_blocks(Path(sys.argv[1]))
    if count == 0:
        sys.exit(f"no ```python block found in {sys.argv[1]}")
    print(f"ran {count} README snippet(s)")
