from modeltranslation.translator import TranslationOptions, register

from .models import Framework, Objective, Pillar, RoadmapAction, Theme


@register(Framework)
class FrameworkTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Pillar)
@register(Objective)
@register(Theme)
@register(RoadmapAction)
class TitleTranslationOptions(TranslationOptions):
    fields = ("title",)
