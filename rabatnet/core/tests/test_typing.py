"""What mypy is told about the models matches what runs."""

import pytest
from django.conf import settings
from modeltranslation.manager import MultilingualManager
from modeltranslation.translator import translator

OWNED_APPS = {"countries", "statistics", "strategy"}
TRANSLATED = [
    model for model in translator.get_registered_models() if model._meta.app_label in OWNED_APPS
]


@pytest.mark.parametrize("model", TRANSLATED, ids=lambda m: m.__name__)
def test_every_translation_column_is_declared_on_the_model(model):
    """modeltranslation adds ``title_en``, ``title_fr``…; the class declares them for mypy."""
    fields = translator.get_options_for_model(model).all_fields
    columns = {
        f"{name}_{language}" for name in fields for language in settings.MODELTRANSLATION_LANGUAGES
    }

    assert columns <= set(model.__annotations__)


@pytest.mark.parametrize("model", TRANSLATED, ids=lambda m: m.__name__)
def test_the_declared_manager_is_the_one_that_runs(model):
    """A manager mypy can name: modeltranslation's own, never one it builds at run time."""
    manager = type(model._default_manager)

    assert issubclass(manager, MultilingualManager)
    assert "<locals>" not in manager.__qualname__
