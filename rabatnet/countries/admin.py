from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Country, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["iso3", "name", "region", "subregion"]
    list_filter = ["region", "memberships__status"]
    search_fields = ["iso3", "iso2", "name_en", "name_fr"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["country", "status", "side", "started_year", "ended_year"]
    list_filter = ["status", "side"]
    list_select_related = ["country"]
