"""The demo builds on the apps' factories: a demo module that makes a row by
hand (Model.objects.create, get_or_create, Model(...) for add_child) of a
model that has a factory fails here. The few models it still makes by hand
are listed, each with its reason."""

import ast
import importlib
import inspect
from pathlib import Path

import factory
from django.apps import apps
from django.db import models

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"

# Manager and tree methods that write a new row.
MAKERS = {"create", "get_or_create", "update_or_create", "bulk_create", "add_root"}

# What the demo still makes by hand, and why. None has a factory: give one a
# factory and it must leave this list.
MADE_BY_HAND = {
    "auth.Group": "Django's role groups, fixed by name (members.roles)",
    "otp_totp.TOTPDevice": "django-otp's authenticator with the published demo secret",
    "wagtailcore.Page": "Wagtail's root node, only when the database has none",
    "wagtailcore.Site": "Wagtail's site, pointing at the home page",
    "wagtaildocs.Document": "Wagtail's document, with a PDF drawn by the demo",
    "core.AccessibleMedia": "a video or audio file saved with its captions "
    "through the storage",
    "wagtail_localize.Translation": "wagtail-localize's translation of a page "
    "into Welsh, as its editor makes one",
}


def project_factories() -> dict[type[models.Model], list[str]]:
    """Each model made by a factory in a project app's factories.py."""
    made = {}
    for app in apps.get_app_configs():
        if (
            Path(app.path).parent != ROOT
            or not (Path(app.path) / "factories.py").exists()
        ):
            continue
        module = importlib.import_module(f"{app.name}.factories")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, factory.base.Factory)
                and value.__module__ == module.__name__
                and value._meta.model is not None
            ):
                made.setdefault(value._meta.model, []).append(name)
    return made


def _imported_names(tree: ast.Module) -> dict[str, object]:
    """What each name imported anywhere in the module (also inside a
    function) stands for."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            module = importlib.import_module(node.module)
            for alias in node.names:
                names[alias.asname or alias.name] = getattr(module, alias.name, None)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    importlib.import_module(alias.name)
                    if alias.asname
                    else importlib.import_module(alias.name.split(".")[0])
                )
    return names


def _resolve(node: ast.expr, names: dict[str, object]):
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        return getattr(_resolve(node.value, names), node.attr, None)
    return None


def _is_model(value) -> bool:
    return inspect.isclass(value) and issubclass(value, models.Model)


def hand_made(source: str) -> list[tuple[int, type[models.Model]]]:
    """(line, model) for each row the source makes by hand: Model(...),
    Model.objects.create(...) and the like, Model.add_root(...)."""
    tree = ast.parse(source)
    names = _imported_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        model = None
        if _is_model(_resolve(func, names)):
            model = _resolve(func, names)  # Model(...)
        elif isinstance(func, ast.Attribute) and func.attr in MAKERS:
            owner = func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "objects":
                owner = owner.value  # Model.objects.create(...)
            if _is_model(_resolve(owner, names)):
                model = _resolve(owner, names)
        if model is not None:
            found.append((node.lineno, model))
    return sorted(found, key=lambda made: made[0])


def demo_hand_made() -> list[tuple[str, type[models.Model]]]:
    return [
        (f"demo/{path.name}:{line}", model)
        for path in sorted(DEMO.glob("*.py"))
        for line, model in hand_made(path.read_text())
    ]


def test_the_demo_makes_nothing_by_hand_that_a_factory_makes():
    factories = project_factories()
    wrong = [
        f"{where} makes {model.__name__} by hand: use {' or '.join(factories[model])}"
        if model in factories
        else f"{where} makes {model._meta.label} by hand: give it a factory "
        "in its app, or list it in MADE_BY_HAND with the reason"
        for where, model in demo_hand_made()
        if model in factories or model._meta.label not in MADE_BY_HAND
    ]
    assert wrong == []


def test_every_model_listed_as_made_by_hand_still_is_and_has_no_factory():
    made_by_hand = {model._meta.label for _, model in demo_hand_made()}
    with_factories = {model._meta.label for model in project_factories()}
    assert set(MADE_BY_HAND) <= made_by_hand, "no longer made by hand: unlist it"
    assert set(MADE_BY_HAND).isdisjoint(with_factories)


def test_the_check_finds_an_opportunity_or_a_page_made_by_hand():
    source = """
from opportunities import models
from opportunities.models import Opportunity, Workstream as Stream
from stories.models import StoryPage

def load(index):
    Opportunity.objects.create(title="Review a leaflet")
    Stream.objects.get_or_create(name="Carers")
    models.SignUp.objects.create()
    index.add_child(instance=StoryPage(title="My story"))
    Opportunity.objects.filter(title="Review a leaflet").update(places=3)
"""
    made = [(line, model.__name__) for line, model in hand_made(source)]
    assert made == [
        (7, "Opportunity"),
        (8, "Workstream"),
        (9, "SignUp"),
        (10, "StoryPage"),
    ]
    factories = project_factories()
    assert {model.__name__ for _, model in hand_made(source)} <= {
        model.__name__ for model in factories
    }
