from modeltranslation.translator import TranslationOptions, register

from .models import Forum


@register(Forum)
class ForumTranslationOptions(TranslationOptions):
    """A forum's name and description in each language (English when one is missing)."""

    fields = ("name", "description")
