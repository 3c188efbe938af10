#!/usr/bin/env python3
"""Check the API docs and the two READMEs.

- Every function, type and enum value of include/bcc_image.h has a comment.
- Every public name of the Python stubs and modules has a docstring.
- README.md and README.zh-CN.md give the same shell commands.

Prints one line per problem and exits with 1 when there is any.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def undocumented_header_items(header: str) -> list[str]:
    """Return the exports, types and enum values of the header without a comment
    right above them."""
    lines = header.splitlines()
    declaration = re.compile(r"^(?:typedef .*\b(bcc_\w+)\)?\(|.*\b(bcc_\w+)\(|\s*(BCC_[A-Z_]+) = \d+,|typedef (?:struct|enum) (bcc_\w+))")
    problems = []
    for index, line in enumerate(lines):
        match = declaration.match(line)
        if not match or line.lstrip().startswith(("*", "/*", "#")):
            continue
        name = next(group for group in match.groups() if group)
        previous = next((lines[i].strip() for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        if not previous.endswith("*/"):
            problems.append(f"include/bcc_image.h:{index + 1}: {name} has no comment")
    return problems


def undocumented_python_names(path: Path) -> list[str]:
    """Return the public classes, functions, methods and properties of a Python
    file that have no docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []

    def visit(node, prefix=""):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                public = not child.name.startswith("_") or child.name == "__init__"
                if public and ast.get_docstring(child) is None and child.name != "__init__":
                    problems.append(f"{path.relative_to(ROOT)}:{child.lineno}: {prefix}{child.name} has no docstring")
                if isinstance(child, ast.ClassDef):
                    visit(child, prefix=f"{child.name}.")

    visit(tree)
    return problems


def shell_commands(markdown: str) -> list[str]:
    """Return the lines of every ```sh block, without comments and blank lines."""
    commands = []
    for block in SHELL_BLOCK.findall(markdown):
        for line in block.splitlines():
            command = line.split(" #", 1)[0].rstrip()
            if command and not command.lstrip().startswith("#"):
                commands.append(command)
    return commands


def main() -> int:
    header_problems = undocumented_header_items((ROOT / "include" / "bcc_image.h").read_text(encoding="utf-8"))

    python_problems = []
    package = ROOT / "bindings" / "python" / "python" / "bcc_image"
    for path in sorted(package.glob("*.py")) + sorted(package.glob("*.pyi")):
        python_problems += undocumented_python_names(path)

    readme_problems = []
    english = shell_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    chinese = shell_commands((ROOT / "README.zh-CN.md").read_text(encoding="utf-8"))
    readme_problems += [f"README.zh-CN.md lacks the command: {command}" for command in english if command not in chinese]
    readme_problems += [f"README.md lacks the command: {command}" for command in chinese if command not in english]
    if not english:
        readme_problems.append("README.md has no ```sh block")

    failed = 0
    for name, problems in [("header comments", header_problems), ("Python docstrings", python_problems),
                           ("README commands", readme_problems)]:
        for problem in problems:
            print(problem)
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        failed += 1 if problems else 0
    print(f"{3 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
