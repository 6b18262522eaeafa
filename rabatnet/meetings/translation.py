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


# The audit trail keeps each language's text too (simple-history copies the model's fields
# when the class is made, before the translated columns exist).
@register(Meeting.history.model)
class HistoricalMeetingTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "venue", "city")


@register(FollowUpAction.history.model)
class HistoricalFollowUpActionTranslationOptions(TranslationOptions):
    fields = ("title",)
