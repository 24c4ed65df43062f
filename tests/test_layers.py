"""Imports run one way (docs/architecture.md, "Folders"): `benchmarks/ -> pipeline/ -> schemas/`
and `assets/ -> pipeline/`; the product never imports its benchmarks or its tests."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {"assets", "benchmarks", "pipeline", "schemas", "tests"}


def imported_packages(path: Path) -> set[str]:
    """The top-level names a module imports, from its syntax tree (absolute imports only)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def project_imports(folder: str, skip: str | None = None) -> dict[str, set[str]]:
    found = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        if skip and (ROOT / skip) in path.parents:
            continue
        found[str(path.relative_to(ROOT))] = imported_packages(path) & PROJECT
    return found


@pytest.mark.parametrize(
    ("folder", "allowed", "skip"),
    [
        ("schemas", {"schemas"}, None),
        ("pipeline", {"pipeline", "schemas"}, "pipeline/cli"),
        ("pipeline/cli", {"pipeline", "schemas", "assets"}, None),
        ("assets", {"assets", "pipeline", "schemas"}, None),
        ("benchmarks", {"benchmarks", "pipeline", "schemas"}, None),
    ],
)
def test_imports_run_one_way(folder, allowed, skip):
    modules = project_imports(folder, skip)
    assert modules, folder  # the folder was found and read
    wrong = {module: sorted(names - allowed) for module, names in modules.items() if names - allowed}
    assert wrong == {}


def test_the_benchmarks_are_their_own_package():
    assert (ROOT / "benchmarks" / "__init__.py").is_file()
    for name in ("corpus", "bench", "bench_run", "bench_views"):
        assert (ROOT / "benchmarks" / f"{name}.py").is_file()
        assert not (ROOT / "pipeline" / f"{name}.py").exists()


def test_the_scan_sees_a_wrong_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom benchmarks.corpus import generate\nfrom . import sibling\nimport pipeline.config as c\n")
    assert imported_packages(module) & PROJECT == {"benchmarks", "pipeline"}
