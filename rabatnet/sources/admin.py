from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Area, Source


@admin.register(Area)
class AreaAdmin(TranslationAdmin):
    form = SiteModelForm
    list_display = ["slug", "name", "position"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["name", "entity", "country", "kind", "status", "access"]
    list_filter = ["country", "kind", "status", "access", "areas"]
    search_fields = ["name", "entity__name"]
    list_select_related = ["entity", "country"]
    autocomplete_fields = ["entity", "contact"]
