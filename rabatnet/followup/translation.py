from modeltranslation.translator import TranslationOptions, register

from .models import Cycle, Initiative


@register(Initiative)
class InitiativeTranslationOptions(TranslationOptions):
    """An initiative's title and summary in each language (English when one is missing)."""

    fields = ("title", "summary")


@register(Cycle)
class CycleTranslationOptions(TranslationOptions):
    fields = ("title",)
