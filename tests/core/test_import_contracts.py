"""No app imports another app's views, forms or API, nor a private (`_name`) helper of another app: what
two apps share moves down into `core` (docs/adr/0004-import-contracts.md). The layers themselves are
checked by import-linter (`lint-imports`, [tool.importlinter] in pyproject.toml); this is the part
import-linter cannot say exactly ("another app", names imported from a module)."""

import ast
from pathlib import Path

import motcua

PACKAGE = Path(motcua.__file__).parent
APPS = sorted(p.parent.name for p in PACKAGE.glob("*/apps.py"))
# Modules of an app that are its own surface to people and systems, never another app's building blocks.
PRIVATE_SURFACES = ("views", "forms", "api", "api_urls", "urls")
# The toolkit is meant to be imported, forms and views included.
SHARED = {"core"}

# Violations that belong to code other engineers are changing now (issue 14, phase 2 moves them); the
# list only shrinks (the portal's help page has its own tracking form since phase 2):
KNOWN: set[tuple[str, str]] = set()


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for each import statement of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _violations(app: str) -> set[tuple[str, str]]:
    bad: set[tuple[str, str]] = set()
    for path in (PACKAGE / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for module, names in _imports(path):
            parts = module.split(".")
            if len(parts) < 2 or parts[0] != "motcua" or parts[1] not in APPS or parts[1] in {app, *SHARED}:
                continue
            # `from motcua.x import views` names the module; `from motcua.x.views import y` is inside it.
            modules = parts[2:] or names
            if any(m.startswith(PRIVATE_SURFACES) for m in modules):
                bad.add((app, module))
            private = [n for n in [*parts[2:], *names] if n.startswith("_")]
            if private:
                bad.add((app, f"{module}: {', '.join(private)}"))
    return bad


def test_no_app_imports_another_apps_views_forms_api_or_private_helpers():
    found = set().union(*(_violations(app) for app in APPS))
    assert found - KNOWN == set()


def test_the_known_exceptions_still_exist_so_the_list_shrinks_when_they_are_fixed():
    found = set().union(*(_violations(app) for app in APPS))
    assert found >= KNOWN
