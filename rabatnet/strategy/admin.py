from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rabatnet.core.forms import SiteModelForm

from .models import Framework, Objective, Pillar, RoadmapAction, Theme


@admin.register(Framework)
class FrameworkAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["name", "version", "adopted_year"]


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["number", "title", "framework"]


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["number", "title", "pillar"]
    list_select_related = ["pillar"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["slug", "title", "objective", "first_year", "last_year"]


@admin.register(RoadmapAction)
class RoadmapActionAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["number", "title", "objective", "framework"]
    list_filter = ["framework"]
    list_select_related = ["objective", "framework"]
