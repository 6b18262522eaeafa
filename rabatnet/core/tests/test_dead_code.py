"""No dead code in the reads, writes and models of statistics, strategy, api, countries, core.

A public function, class, model method or property must be named somewhere else in the
application code or in a template: code only its own tests call is removed with its tests.
Entry points that Django or a library calls by registration (decorated functions, URL
views, management commands, app configs, translation options, Django's hooks) are exempt.
The search is by name, so a common name may pass for used; it never reports a used name.
"""

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "rabatnet"
OWNED = [
    *sorted((APP / "statistics").rglob("*.py")),
    *sorted((APP / "strategy").rglob("*.py")),
    *sorted((APP / "api").rglob("*.py")),
    *sorted((APP / "countries").rglob("*.py")),
    APP / "network" / "selectors.py",
    *(APP / "core" / f"{name}.py" for name in ("selectors", "loading", "markdown", "tasks")),
]
SKIPPED_FILES = {"admin.py", "forms.py", "permissions.py", "apps.py", "translation.py", "urls.py"}
BASES_CALLED_BY_DJANGO = {
    "AppConfig",
    "BaseCommand",
    "TranslationOptions",
    "Schema",
    "FilterSchema",
}
HOOKS = {"save", "delete", "clean", "get_absolute_url", "handle", "add_arguments", "Meta"}


def _scanned(path: Path) -> bool:
    parts = set(path.relative_to(APP).parts)
    return not parts & {"tests", "migrations"} and path.name not in SKIPPED_FILES


@cache
def _corpus() -> dict[Path, str]:
    """Application code and templates, tests and migrations left out."""
    files = [*APP.rglob("*.py"), *APP.rglob("*.html"), *(ROOT / "config").rglob("*.py")]
    return {
        path: path.read_text(encoding="utf-8")
        for path in files
        if not set(path.relative_to(ROOT).parts) & {"tests", "migrations"}
    }


def _base_names(node: ast.ClassDef) -> set[str]:
    return {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}


def _public_names(path: Path) -> list[str]:
    """Undecorated public functions and classes; methods and properties of models."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.decorator_list:
            names.append(node.name)
        elif isinstance(node, ast.ClassDef) and not _base_names(node) & BASES_CALLED_BY_DJANGO:
            names.append(node.name)
            if path.name == "models.py":
                names += [
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef)
                    and not item.name.startswith("__")
                    and item.name not in HOOKS
                ]
    return [n for n in names if not n.startswith("_") and n not in HOOKS]


def _used(name: str, home: Path) -> bool:
    """Named in another file, or more than once (its definition) in its own."""
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    for path, text in _corpus().items():
        count = len(pattern.findall(text))
        if count > (1 if path == home else 0):
            return True
    return False


def test_every_public_name_of_the_owned_apps_has_a_caller():
    unused = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in OWNED
        if _scanned(path)
        for name in _public_names(path)
        if not _used(name, path)
    ]

    assert unused == []
