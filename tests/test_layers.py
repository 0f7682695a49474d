"""The package's layers read bottom-up: no module imports one above it, and no import circle.

Every import counts, at module level or inside a function (a lazy import still ties the two
modules together), relative or absolute, TYPE_CHECKING ones included. A new module must be
given a layer here. Fixtures that must fail: tests/layers/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "citysafe_kg"
FIXTURES = Path(__file__).resolve().parent / "layers"

# Bottom first. A module may import modules of its own layer or of a lower one.
LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"errors", "prefixes", "io", "source_text", "bnodes", "table"}),
    ("resources and terms", {"resources", "terms", "namespaces"}),
    ("graph/store", {"graph", "store", "derive", "canonical"}),
    ("compiled store", {"compiled"}),
    ("queries", {"queries"}),
    ("validate/fidelity", {"fidelity", "validate", "datacube", "owl"}),
    ("reports and outputs", {"reports", "patterns", "export", "render", "frames"}),
    ("build and servers", {"build", "server", "synth", "site"}),
    ("private servers", {"virtuoso"}),
    ("cli", {"cli", "__main__", "__init__"}),
]


def layer_of(layers: list[tuple[str, set[str]]]) -> dict[str, int]:
    return {module: rank for rank, (_, modules) in enumerate(layers) for module in modules}


def units(package: Path) -> dict[str, list[Path]]:
    """The package's modules, and its sub-packages (site/) each as one unit, with their files."""
    found = {path.stem: [path] for path in package.glob("*.py")}
    for sub in package.iterdir():
        if (sub / "__init__.py").is_file():
            found[sub.name] = sorted(sub.rglob("*.py"))
    return found


def imports(package: Path) -> dict[str, list[tuple[str, int]]]:
    """Per module of ``package``: the package modules it imports, with the line of each import."""
    name = package.name
    modules = units(package)
    found: dict[str, list[tuple[str, int]]] = {}
    for unit, paths in sorted(modules.items()):
        edges: list[tuple[str, int]] = []
        for path in paths:
            depth = len(path.relative_to(package).parts) - 1  # 0 for a top-level module
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                targets: list[str] = []
                if isinstance(node, ast.ImportFrom):
                    parts = (node.module or "").split(".") if node.module else []
                    if node.level == 0 and parts and parts[0] == name:
                        parts = parts[1:]
                    elif node.level != depth + 1:
                        continue  # another package's, or inside this sub-package
                    # `from . import x` or `from citysafe_kg import x`: x may be a module
                    targets = parts[:1] or [alias.name for alias in node.names if alias.name in modules]
                elif isinstance(node, ast.Import):
                    targets = [alias.name.split(".")[1] for alias in node.names
                               if alias.name.startswith(name + ".")]
                edges += [(target, node.lineno) for target in targets if target in modules and target != unit]
        found[unit] = edges
    return found


def upward_imports(package: Path, layers: list[tuple[str, set[str]]]) -> list[str]:
    rank = layer_of(layers)
    names = [layer for layer, _ in layers]
    return [
        f"{package.name}/{module}.py:{line} imports {target} ({names[rank[target]]}), "
        f"above its own layer ({names[rank[module]]})"
        for module, edges in imports(package).items()
        for target, line in edges
        if rank[target] > rank[module]
    ]


def import_cycles(package: Path) -> list[list[str]]:
    graph = nx.DiGraph((module, target) for module, edges in imports(package).items() for target, _ in edges)
    return sorted(sorted(cycle) for cycle in nx.simple_cycles(graph))


def test_every_module_has_one_layer() -> None:
    modules = set(units(PACKAGE))
    placed = [module for _, members in LAYERS for module in members]
    assert len(placed) == len(set(placed)), "a module is listed in two layers"
    unplaced = modules - set(placed)
    assert not unplaced, f"give these modules a layer in tests/test_layers.py: {sorted(unplaced)}"


def test_no_module_imports_a_layer_above_it() -> None:
    assert upward_imports(PACKAGE, LAYERS) == []


def test_no_import_cycle() -> None:
    assert import_cycles(PACKAGE) == []


def test_the_store_no_longer_reaches_up_to_the_compiled_build() -> None:
    """The old circle: store -> queries -> store, store -> compiled -> store, graph -> validate -> graph."""
    found = imports(PACKAGE)
    assert {target for target, _ in found["store"]} <= {"errors", "table", "terms", "io", "bnodes"}
    assert "validate" not in {target for target, _ in found["graph"]}
    assert "validate" not in {target for target, _ in found["queries"]}
    assert "queries" not in {target for target, _ in found["resources"]}


def test_fixture_function_level_upward_import_is_caught() -> None:
    problems = upward_imports(FIXTURES / "upward_pkg", LAYERS)
    assert problems == [
        "upward_pkg/store.py:5 imports compiled (compiled store), above its own layer (graph/store)"
    ]
    assert import_cycles(FIXTURES / "upward_pkg") == [["compiled", "store"]]


def test_fixture_cycle_within_one_layer_is_caught() -> None:
    one_layer = [("flat", {"graph", "terms", "__init__"})]
    assert upward_imports(FIXTURES / "cycle_pkg", one_layer) == []
    assert import_cycles(FIXTURES / "cycle_pkg") == [["graph", "terms"]]


@pytest.mark.parametrize("module", sorted(layer_of(LAYERS)))
def test_layer_table_names_real_modules(module: str) -> None:
    assert module in units(PACKAGE), f"{module} is listed but does not exist"
