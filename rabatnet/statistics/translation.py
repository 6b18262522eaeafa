from modeltranslation.translator import TranslationOptions, register

from .models import Dataset, Derivation, Geo, Indicator


@register(Dataset)
class DatasetTranslationOptions(TranslationOptions):
    fields = ("title", "description", "caveats")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "definition")


@register(Geo)
class GeoTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Derivation)
class DerivationTranslationOptions(TranslationOptions):
    fields = ("formula", "inputs")
