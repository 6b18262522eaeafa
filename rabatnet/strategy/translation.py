from modeltranslation.translator import TranslationOptions, register

from .models import Framework, Objective, Pillar, Theme


@register(Framework)
class FrameworkTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Pillar)
@register(Objective)
@register(Theme)
class TitleTranslationOptions(TranslationOptions):
    fields = ("title",)
