from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Framework, Objective, Pillar, Theme


@admin.register(Framework)
class FrameworkAdmin(TranslationAdmin):
    list_display = ["name", "version", "adopted_year"]


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ["number", "title", "framework"]


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "title", "pillar"]
    list_select_related = ["pillar"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["slug", "title", "objective", "first_year", "last_year"]
