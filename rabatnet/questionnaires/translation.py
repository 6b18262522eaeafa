"""Questionnaires speak English and French: ``label_en`` / ``label_fr`` are the XLSForm's
``label::English (en)`` / ``label::French (fr)`` columns (likewise hints and messages)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Question, Questionnaire

QUESTIONNAIRE_FIELDS = ("title", "description")
QUESTION_FIELDS = ("label", "hint", "required_message", "constraint_message")


@register(Questionnaire)
class QuestionnaireTranslationOptions(TranslationOptions):
    fields = QUESTIONNAIRE_FIELDS


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = QUESTION_FIELDS


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)


# The audit trail keeps each language's text too (simple-history copies the model's fields
# when the class is made, before the translated columns exist).
@register(Questionnaire.history.model)
class HistoricalQuestionnaireTranslationOptions(TranslationOptions):
    fields = QUESTIONNAIRE_FIELDS


@register(Question.history.model)
class HistoricalQuestionTranslationOptions(TranslationOptions):
    fields = QUESTION_FIELDS
