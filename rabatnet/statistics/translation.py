from modeltranslation.translator import TranslationOptions, register

from .models import Dataset, Geo, Indicator


@register(Dataset)
class DatasetTranslationOptions(TranslationOptions):
    fields = ("title", "description", "caveats")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "definition")


@register(Geo)
class GeoTranslationOptions(TranslationOptions):
    fields = ("name",)
