from modeltranslation.translator import TranslationOptions, register

from .models import ChallengeType, ContentItem


@register(ContentItem)
@register(ChallengeType)
class TitleTranslationOptions(TranslationOptions):
    fields = ("title",)
