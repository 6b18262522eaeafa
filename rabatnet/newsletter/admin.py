from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rabatnet.core.forms import SiteModelForm, VersionedAdminForm

from .models import Bounce, Delivery, Issue, Item, Subscriber


@admin.register(Issue)
class IssueAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["__str__", "title_en", "status", "is_example", "sent_at"]
    list_filter = ["status", "is_example"]


@admin.register(Item)
class ItemAdmin(SimpleHistoryAdmin):
    form = VersionedAdminForm
    list_display = ["__str__", "issue", "kind", "title_en", "position"]
    list_filter = ["kind"]
    list_select_related = ["issue"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["email", "language", "status", "confirmed_at", "hard_bounces"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    readonly_fields = ["token"]
    raw_id_fields = ["person"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["__str__", "issue", "subscriber", "status", "sent_at"]
    list_filter = ["status"]
    raw_id_fields = ["issue", "subscriber"]


@admin.register(Bounce)
class BounceAdmin(admin.ModelAdmin):
    form = SiteModelForm
    list_display = ["__str__", "subscriber", "kind", "reported_at"]
    list_filter = ["kind"]
    raw_id_fields = ["subscriber"]
