from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rabatnet.core.forms import SiteModelForm

from .models import Country, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    form = SiteModelForm
    extra = 0


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["iso3", "name", "region", "subregion"]
    list_filter = ["region", "memberships__status"]
    search_fields = ["iso3", "iso2", "name_en", "name_fr"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["country", "status", "side", "started_year", "ended_year"]
    list_filter = ["status", "side"]
    list_select_related = ["country"]
