"""The README's Python snippets run as written."""

from pathlib import Path

from readme_snippet import python_blocks, run_blocks

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_has_two_snippets():
    assert len(python_blocks(README.read_text(encoding="utf-8"))) == 2


def test_readme_snippets_run(capsys):
    run_blocks(README)
    output = capsys.readouterr().out

    assert "request id" in output
    assert "no such image" in output
