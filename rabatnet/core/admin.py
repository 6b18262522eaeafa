"""The admin site: signs in through the site, answers 404 (never 500) to odd addresses."""

from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

View = TypeVar("View", bound=Callable[..., Any])


class RabatnetAdminSite(admin.AdminSite):
    site_header = _("rabatnet administration")
    site_title = _("rabatnet")

    def get_urls(self) -> list[URLResolver | URLPattern]:
        """Django's, with "view on site" checking the object's key first."""
        urls = super().get_urls()
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(view_on_site_checked),
            name="view_on_site",
        )
        return [view_on_site if getattr(u, "name", None) == "view_on_site" else u for u in urls]

    def admin_view(self, view: View, cacheable: bool = False) -> View:
        """Each model page checks the object's key before its model admin reads it: a key
        the database cannot hold is not found (404), not a server error."""
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, admin.ModelAdmin):
            pk_field = model_admin.model._meta.pk
            history = getattr(model_admin.model, "history", None)
            history_pk_field = history.model._meta.pk if history is not None else pk_field

            def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
                # simple-history's pages take them by position: (object_id, version_id).
                object_id = kwargs.get("object_id", args[0] if args else None)
                if object_id is not None and not _key_valid(pk_field, object_id):
                    raise Http404(_("No such record."))
                version_id = kwargs.get("version_id", args[1] if len(args) > 1 else None)
                if version_id is not None and not _key_valid(history_pk_field, version_id):
                    raise Http404(_("No such record."))
                return view(request, *args, **kwargs)

            checked.__name__ = getattr(view, "__name__", "checked")
            return cast(View, super().admin_view(checked, cacheable))
        return super().admin_view(view, cacheable)

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


# The functions below import when called: this module loads with the app registry, before
# any model.


def _key_valid(field: Any, value: str) -> bool:
    from .forms import key_valid

    return key_valid(field, value)


def view_on_site_checked(
    request: HttpRequest, content_type_id: int, object_id: str
) -> HttpResponse:
    """Django's "view on site" shortcut, after checking the content type and the key."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.contenttypes.views import shortcut

    from .forms import key_fits

    content_type = (
        ContentType.objects.filter(pk=content_type_id).first()
        if key_fits(ContentType._meta.pk, content_type_id)
        else None
    )
    model = content_type.model_class() if content_type is not None else None
    if model is None or not _key_valid(model._meta.pk, object_id):
        raise Http404(_("No such record."))
    return shortcut(request, content_type_id, object_id)
