from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class RabatnetAdminSite(admin.AdminSite):
    site_header = _("rabatnet administration")
    site_title = _("rabatnet")

    def has_permission(self, request: HttpRequest) -> bool:
        """Staff, and the secretariat (through its appointment, checked by name)."""
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm("network.manage_network"))


class RabatnetAdminConfig(AdminConfig):
    default_site = "rabatnet.core.admin.RabatnetAdminSite"
