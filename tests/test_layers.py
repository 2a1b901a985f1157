"""No module imports from a layer above it.

The project's apps are listed in INSTALLED_APPS lowest layer first (core,
then notifications, members, accounts, the features, and at the top the
members' area shell and the demo). A module may import its own app and the
apps listed before it, never one listed after: a lower app that must react
to a higher one offers a function, a registry or a signal instead. This test
reads every module's imports (those inside functions too) and names each
upward one.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def project_apps() -> list[str]:
    return [
        app
        for app in settings.INSTALLED_APPS
        if "." not in app and (ROOT / app / "__init__.py").exists()
    ]


def imported_apps(path: Path, apps: set[str]) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & apps
    return found


def test_no_module_imports_from_a_layer_above_it():
    apps = project_apps()
    layer = {app: number for number, app in enumerate(apps)}
    upward = []
    for app in apps:
        for path in sorted((ROOT / app).rglob("*.py")):
            for other in imported_apps(path, set(apps)):
                if layer[other] > layer[app]:
                    upward.append(f"{path.relative_to(ROOT)} imports {other}")
    assert upward == [], "Imports running up the layers:\n" + "\n".join(upward)


def test_the_walk_sees_an_upward_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from payments.models import Claim\n")
    assert imported_apps(module, {"payments", "core"}) == {"payments"}


def test_every_app_says_what_lives_there_and_what_it_may_import():
    apps = project_apps() + ["cms"]
    assert len(apps) == 23
    for app in apps:
        doc = ast.get_docstring(ast.parse((ROOT / app / "__init__.py").read_text()))
        assert doc and len(doc) > 40, f"{app}/__init__.py says nothing of itself"
        assert "import" in doc.lower(), f"{app}/__init__.py: what may it import?"
