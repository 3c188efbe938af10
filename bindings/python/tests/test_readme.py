"""The Python snippets of the package README and of both project READMEs run as written."""

from pathlib import Path

import pytest

from readme_snippet import python_blocks, run_blocks

ROOT = Path(__file__).resolve().parents[3]
READMES = [
    ROOT / "bindings" / "python" / "README.md",
    ROOT / "README.md",
    ROOT / "README.zh-CN.md",
]


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_readme_has_two_snippets(readme):
    assert len(python_blocks(readme.read_text(encoding="utf-8"))) == 2


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_readme_snippets_run(readme, capsys):
    run_blocks(readme)
    output = capsys.readouterr().out

    assert "request id" in output
    assert "no such image" in output
