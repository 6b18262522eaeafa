from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Conclusion, Document, FollowUpAction, Meeting, Session


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    """Every text of a meeting in each language (English when one is missing)."""

    fields = ("title", "summary", "venue", "city")


@register(Session)
@register(AgendaItem)
@register(Document)
@register(FollowUpAction)
class TitleTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Conclusion)
class ConclusionTranslationOptions(TranslationOptions):
    fields = ("text",)
