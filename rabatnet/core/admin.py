from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache


class RabatnetAdminSite(admin.AdminSite):
    site_header = _("rabatnet administration")
    site_title = _("rabatnet")

    def has_permission(self, request: HttpRequest) -> bool:
        """Staff, and the secretariat (through its appointment, checked by name)."""
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm("network.manage_network"))

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Everybody signs in on the site's own page (lock, two-factor, secretariat).

        The admin's form would refuse the secretariat (not staff) and skip the code check
        (docs/decisions/0011-admin-signs-in-through-the-site.md). Signed in without the
        right to the admin: 403, not a loop between the two sign-in pages.
        """
        # Imported here: this module loads with the app registry, before auth's models.
        from django.contrib.auth.views import redirect_to_login

        index = reverse("admin:index", current_app=self.name)
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            target, {request.get_host()}, require_https=request.is_secure()
        ):
            target = index
        if request.user.is_authenticated:
            if self.has_permission(request):
                return HttpResponseRedirect(target)
            raise PermissionDenied
        return redirect_to_login(target, settings.LOGIN_URL)


class RabatnetAdminConfig(AdminConfig):
    default_site = "rabatnet.core.admin.RabatnetAdminSite"
