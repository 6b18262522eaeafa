from modeltranslation.translator import TranslationOptions, register

from .models import Cycle, Initiative


@register(Initiative)
class InitiativeTranslationOptions(TranslationOptions):
    """An initiative's title and summary in each language (English when one is missing)."""

    fields = ("title", "summary")


@register(Cycle)
class CycleTranslationOptions(TranslationOptions):
    fields = ("title",)


# The history of an initiative keeps each language too: simple-history built its model
# before modeltranslation added the columns, and copies every column of the initiative.
@register(Initiative.history.model)
class HistoricalInitiativeTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
