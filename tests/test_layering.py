"""Dependencies run one way: chat -> assistant -> tasks -> auth, db, config.

Read from the source (every import statement, at any depth), so a new import against the
direction fails here rather than in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[1] / "backend"

# For each package, the packages of ours it must never import.
FORBIDDEN = {
    "assistant": {"chat"},
    "tasks": {"chat", "assistant"},
    "auth": {"chat", "assistant", "tasks"},
}


def imported_packages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "backend" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_against_the_direction(package: str):
    wrong = {
        str(path.relative_to(BACKEND)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in (BACKEND / package).rglob("*.py")
    }
    assert {p: pkgs for p, pkgs in wrong.items() if pkgs} == {}
