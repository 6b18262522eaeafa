"""The follow-up in the admin. Initiatives are entered and verified on the site only (their
history, verification and stale-edit checks live there); the admin lists designations."""

from django.contrib import admin

from rabatnet.core.forms import SiteModelForm

from .models import Contributor


class ContributorAdminForm(SiteModelForm):
    class Meta:
        model = Contributor
        fields = ["country", "person", "ended_at"]


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    form = ContributorAdminForm
    list_display = ["person", "country", "designated_at", "designated_by", "ended_at"]
    list_filter = ["country"]
    list_select_related = ["person", "country", "designated_by"]
    autocomplete_fields = ["country", "person"]
    readonly_fields = ["designated_at", "designated_by"]
