"""Dependencies point one way: cec_engage → api → reports → partnerships, surveys, roundtables → stakeholders
→ accounts → strategy. No import runs back up."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "strategy": 0,
    "accounts": 1,
    "stakeholders": 2,
    "partnerships": 3,
    "surveys": 3,
    "roundtables": 3,
    "mapping": 3,
    "reports": 4,
    # The reporting API reads every app, the indicators of reports included.
    "api": 5,
    "cec_engage": 6,
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_no_import_runs_back_up(package):
    offences = []
    for path in (ROOT / package).rglob("*.py"):
        for name in imported_packages(path) & set(LAYERS):
            if name != package and LAYERS[name] >= LAYERS[package]:
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offences, offences


def test_the_wiring_holds_only_wiring():
    modules = {path.name for path in (ROOT / "cec_engage").glob("*.py")}
    assert modules <= {
        "__init__.py",
        "settings.py",
        "urls.py",
        "celery.py",
        "wsgi.py",
        "asgi.py",
        "health.py",
    }
